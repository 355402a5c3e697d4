// Type-checks (tsc --strict --noEmit) that the openapi-typescript types of our specs accept a value for every variant
// of every discriminated union: each Quantum job input, each Platform service source and resource configuration.
// check-specs.sh fails when a union's discriminator mapping names a schema this file does not mention, so a new
// variant needs its value here. The generated/ folder is written by check-specs.sh (not committed).
import type { components as QuantumComponents } from "./generated/quantum";
import type { components as PlatformComponents } from "./generated/platform";
import type { components as ServiceComponents } from "./generated/service";

type Q = QuantumComponents["schemas"];
type P = PlatformComponents["schemas"];
type S = ServiceComponents["schemas"];

const qasm = 'OPENQASM 3; qubit[2] q; h q[0]; cnot q[0], q[1];';

// Quantum: every JobInput variant (discriminator `type`).
const azureIonqSimulator: Q["AzureIonqSimulatorJobInput"] = {
  type: "AZURE_IONQ_SIMULATOR",
  gateset: "qis",
  qubits: 2,
  circuit: [{ type: "h", targets: [0] }, { type: "cnot", targets: [1], controls: [0] }],
};
const awsSimSv1: Q["AwsSimSv1JobInput"] = { type: "AWS_SIM_SV1", value: qasm };
const awsSimDm1: Q["AwsSimDm1JobInput"] = { type: "AWS_SIM_DM1", value: qasm };
const awsIonqAria: Q["AwsIonqAriaJobInput"] = { type: "AWS_IONQ_ARIA", value: qasm };
const awsIonqAria2: Q["AwsIonqAria2JobInput"] = { type: "AWS_IONQ_ARIA_2", value: qasm };
const awsIonqForte: Q["AwsIonqForteJobInput"] = { type: "AWS_IONQ_FORTE", value: qasm };
const awsIqmGarnet: Q["AwsIqmGarnetJobInput"] = { type: "AWS_IQM_GARNET", value: qasm };
const awsRigettiAnkaa: Q["AwsRigettiAnkaaJobInput"] = { type: "AWS_RIGETTI_ANKAA", value: qasm };
// Quandela: the value is the Perceval payload (a JSON object), not a QASM string.
const perceval = { command: "sample_count", max_shots: 1000, circuit: ":PCVL:zip:eJwz...", input_state: "|1,0,1,0>" };
const quandelaSimBelenos: Q["QuandelaSimBelenosJobInput"] = { type: "QUANDELA_SIM_BELENOS", value: perceval };
const quandelaQpuBelenos: Q["QuandelaQpuBelenosJobInput"] = { type: "QUANDELA_QPU_BELENOS", value: perceval };

const inputs: Q["JobInput"][] = [
  azureIonqSimulator, awsSimSv1, awsSimDm1, awsIonqAria, awsIonqAria2, awsIonqForte, awsIqmGarnet, awsRigettiAnkaa,
  quandelaSimBelenos, quandelaQpuBelenos,
];

// input_params is open (backend-specific keys), and the typed AWS OpenQASM 3 parameters fit it.
const awsParams: Q["AwsQasm3JobInputParams"] = { disable_qubit_rewiring: true, qubit_count: 2 };
const openParams: Q["JobInputParams"] = { any_backend_key: 1, nested: { ok: true } };
const percevalParams: Q["PercevalJobInputParams"] = { pcvl_version: "0.13.0", process_id: "p-1" };
export const percevalRequest: Q["CreateJobRequest"] = {
  backend_id: "quandela.sim.belenos",
  shots: 0,
  input: quandelaSimBelenos,
  input_format: "PERCEVAL",
  sdk_provider: "PERCEVAL",
  input_params: percevalParams,
};
export const requests: Q["CreateJobRequest"][] = inputs.map((input, i) => ({
  backend_id: "aws.sim.sv1",
  shots: 100,
  input,
  input_params: i % 2 === 0 ? awsParams : openParams,
}));

// Platform: every ServiceSource and ResourceConfiguration variant.
const fileSource: P["FileSource"] = { type: "FileSource" };
const registrySource: P["RegistrySource"] = { type: "RegistrySource", image: "ghcr.io/acme/solver", tag: "1.0.0" };
const cpu: P["CpuConfiguration"] = { type: "CpuConfiguration", amount: 500, unit: "m" };
const memory: P["MemoryConfiguration"] = { type: "MemoryConfiguration", amount: 2, unit: "G" };
const gpu: P["GpuConfiguration"] = { type: "GpuConfiguration", amount: 1 };

export const sources: P["ServiceSource"][] = [fileSource, registrySource];
export const configurations: P["ResourceConfiguration"][] = [cpu, memory, gpu];
export const update: P["UpdateVersionRequest"] = { description: "new code", source: fileSource };

// Service: a start request with any input document.
export const start: S["StartExecutionRequest"] = { input: { backend_id: "aws.sim.sv1", shots: 100 } };
