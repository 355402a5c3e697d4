using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// The emulated backend catalog: simulators and QPUs of several providers, with one PAUSED, one OFFLINE and one RETIRED
/// backend so that clients can be tested against every status. Numbers are plausible, not the providers' own.
/// </summary>
internal sealed class BackendCatalog
{
    private const string Qasm3 = "OpenQASM 3 program (Amazon Braket dialect)";
    private readonly Dictionary<string, BackendDefinition> _byId;

    public BackendCatalog()
    {
        All = Build();
        _byId = All.ToDictionary(b => b.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<BackendDefinition> All { get; }

    public BackendDefinition? Find(string? id) => id is not null && _byId.TryGetValue(id, out var b) ? b : null;

    /// <summary>Ids of the backends whose jobs the emulator can run, for error messages.</summary>
    public string ExecutableIds => string.Join(", ", All.Where(b => b.InputType is not null && b.AcceptsJobs).Select(b => b.Id));

    private static BackendDefinition[] Build() =>
    [
        new()
        {
            Id = "azure.ionq.simulator", Provider = BackendProvider.Azure, HardwareProvider = BackendHardwareProvider.Ionq,
            DisplayName = "IonQ Simulator (Azure Quantum)", Type = BackendType.Simulator, Technology = BackendTechnology.TrappedIon,
            Status = BackendStatus.Online, QubitCount = 29, MinShots = 1, MaxShots = 10_000,
            InputFormats = [JobInputFormat.IonqCircuitV1], InputType = "AZURE_IONQ_SIMULATOR", OutputFormat = OutputFormat.IonqResultV1,
            FreeOfCharge = true, NativeGates = ["gpi", "gpi2", "ms"],
            Description = "Ideal trapped-ion simulator; takes IonQ QIS circuits.", Location = "Azure East US",
        },
        BraketSimulator("aws.sim.sv1", "Amazon Braket SV1", "AWS_SIM_SV1", 34, "State-vector simulator"),
        BraketSimulator("aws.sim.dm1", "Amazon Braket DM1", "AWS_SIM_DM1", 17, "Density-matrix simulator (the emulator runs it noise-free)"),
        IonqOnAws("aws.ionq.aria", "IonQ Aria", "AWS_IONQ_ARIA", BackendStatus.Online, 25, queue: 17),
        IonqOnAws("aws.ionq.aria-2", "IonQ Aria 2", "AWS_IONQ_ARIA_2", BackendStatus.Retired, 25, queue: 0),
        IonqOnAws("aws.ionq.forte", "IonQ Forte", "AWS_IONQ_FORTE", BackendStatus.Paused, 36, queue: 42),
        new()
        {
            Id = "aws.iqm.garnet", Provider = BackendProvider.Aws, HardwareProvider = BackendHardwareProvider.Iqm,
            DisplayName = "IQM Garnet", Type = BackendType.Qpu, Technology = BackendTechnology.Superconducting,
            Status = BackendStatus.Online, QubitCount = 20, MinShots = 1, MaxShots = 20_000,
            InputFormats = [JobInputFormat.BraketOpenQasmV3], InputType = "AWS_IQM_GARNET", SupportsSessions = true,
            QueueSize = 3, QueueAverageSeconds = 240, HasCalibration = true, NativeGates = ["prx", "cz"],
            Costs = [PerTask(0.30m), PerShot(0.00145m)], Connectivity = GridConnectivity(4, 5),
            Description = "20-qubit superconducting QPU, square lattice. " + Qasm3 + ".", Location = "AWS eu-north-1",
        },
        new()
        {
            Id = "aws.rigetti.ankaa", Provider = BackendProvider.Aws, HardwareProvider = BackendHardwareProvider.Rigetti,
            DisplayName = "Rigetti Ankaa-3", Type = BackendType.Qpu, Technology = BackendTechnology.Superconducting,
            Status = BackendStatus.Offline, QubitCount = 84, MinShots = 10, MaxShots = 100_000,
            InputFormats = [JobInputFormat.BraketOpenQasmV3], InputType = "AWS_RIGETTI_ANKAA", SupportsSessions = true,
            HasCalibration = true, NativeGates = ["rx", "rz", "iswap"], Costs = [PerTask(0.30m), PerShot(0.0009m)],
            Description = "84-qubit superconducting QPU (offline in the emulator). " + Qasm3 + ".", Location = "AWS us-west-1",
        },
        new()
        {
            Id = "ibm.qpu.aachen", Provider = BackendProvider.Ibm, HardwareProvider = BackendHardwareProvider.Ibm,
            DisplayName = "IBM Aachen", Type = BackendType.Qpu, Technology = BackendTechnology.Superconducting,
            Status = BackendStatus.Online, QubitCount = 156, MinShots = 1, MaxShots = 100_000,
            InputFormats = [JobInputFormat.QiskitQpy], SupportsSessions = true, QueueSize = 128, QueueAverageSeconds = 3600,
            HasCalibration = true, NativeGates = ["cz", "rz", "sx", "x"], Costs = [new Cost { Granularity = "second", Currency = "USD", Value = 1.6 }],
            Description = "Heron r2 QPU; takes Qiskit Runtime (QPY) input, which the emulator lists but does not run.", Location = "Ehningen, Germany",
        },
        new()
        {
            Id = "iqm.qpu.emerald", Provider = BackendProvider.Iqm, HardwareProvider = BackendHardwareProvider.Iqm,
            DisplayName = "IQM Emerald", Type = BackendType.Qpu, Technology = BackendTechnology.Superconducting,
            Status = BackendStatus.Online, QubitCount = 54, MinShots = 1, MaxShots = 100_000,
            InputFormats = [JobInputFormat.IqmJobInputV1], QueueSize = 5, QueueAverageSeconds = 300, HasCalibration = true,
            NativeGates = ["prx", "cz"], Costs = [PerShot(0.0004m)],
            Description = "54-qubit QPU on IQM Resonance; takes IQM job input, which the emulator lists but does not run.", Location = "Espoo, Finland",
        },
        QuandelaBackends.Qpu(),
        QuandelaBackends.Simulator(),
    ];

    private static BackendDefinition BraketSimulator(string id, string name, string inputType, int qubits, string kind) => new()
    {
        Id = id, Provider = BackendProvider.Aws, HardwareProvider = BackendHardwareProvider.Aws, DisplayName = name,
        Type = BackendType.Simulator, Technology = BackendTechnology.Unknown, Status = BackendStatus.Online, QubitCount = qubits,
        MinShots = 1, MaxShots = 100_000, InputFormats = [JobInputFormat.BraketOpenQasmV3, JobInputFormat.OpenQasmV3], InputType = inputType,
        SupportsSessions = true, Costs = [PerMinute(0.075m)],
        Description = $"{kind}. {Qasm3}.", Location = "AWS us-east-1",
    };

    private static BackendDefinition IonqOnAws(string id, string name, string inputType, BackendStatus status, int qubits, int queue) => new()
    {
        Id = id, Provider = BackendProvider.Aws, HardwareProvider = BackendHardwareProvider.Ionq, DisplayName = name,
        Type = BackendType.Qpu, Technology = BackendTechnology.TrappedIon, Status = status, QubitCount = qubits,
        MinShots = 1, MaxShots = 10_000, InputFormats = [JobInputFormat.BraketOpenQasmV3], InputType = inputType,
        SupportsSessions = true, QueueSize = queue, QueueAverageSeconds = queue * 60, HasCalibration = true,
        NativeGates = ["gpi", "gpi2", "ms"], Costs = [PerTask(0.30m), PerShot(0.03m)],
        Connectivity = new Connectivity { FullyConnected = true },
        Description = $"{qubits}-qubit trapped-ion QPU. {Qasm3}.", Location = "AWS us-east-1",
    };

    private static Cost PerTask(decimal usd) => new() { Granularity = "job", Currency = "USD", Value = (double)usd };

    private static Cost PerShot(decimal usd) => new() { Granularity = "shot", Currency = "USD", Value = (double)usd };

    private static Cost PerMinute(decimal usd) => new() { Granularity = "minute", Currency = "USD", Value = (double)usd };

    /// <summary>Nearest-neighbour coupling on a rows x columns lattice, qubit ids "0".."n-1".</summary>
    private static Connectivity GridConnectivity(int rows, int columns)
    {
        var graph = new Dictionary<string, ICollection<string>>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var neighbours = new List<string>();
                if (r > 0) neighbours.Add(((r - 1) * columns + c).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (r < rows - 1) neighbours.Add(((r + 1) * columns + c).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (c > 0) neighbours.Add((r * columns + c - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (c < columns - 1) neighbours.Add((r * columns + c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                graph[(r * columns + c).ToString(System.Globalization.CultureInfo.InvariantCulture)] = neighbours;
            }
        }

        return new Connectivity { FullyConnected = false, Graph = graph };
    }
}
