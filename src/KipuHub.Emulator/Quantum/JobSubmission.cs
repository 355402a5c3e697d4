using KipuHub.Emulator.Simulation;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// Validates a <c>CreateJobRequest</c> and creates the job. Malformed requests (missing fields, wrong JSON types) get
/// 400; well-formed requests the Hub cannot run (unknown or offline backend, shots out of range, input that does not
/// fit the backend, a circuit that does not compile) get 422; a session in another context gets 404.
/// </summary>
internal static class JobSubmission
{
    public const string IonqInputType = "AZURE_IONQ_SIMULATOR";

    /// <summary>The job-input variants of specs/quantum.json (the <c>JobInput</c> discriminator mapping).</summary>
    private static readonly HashSet<string> KnownInputTypes = new(StringComparer.Ordinal)
    {
        IonqInputType, "AWS_SIM_SV1", "AWS_SIM_DM1", "AWS_IONQ_ARIA", "AWS_IONQ_ARIA_2", "AWS_IONQ_FORTE", "AWS_IQM_GARNET", "AWS_RIGETTI_ANKAA",
        QuandelaBackends.SimulatorInputType, QuandelaBackends.QpuInputType,
    };

    public static JobRecord Submit(HubRuntime hub, JObject body, string ownerKey, string? serviceExecutionId)
    {
        RequireFields(body, "backend_id", "shots", "input");
        var backend = FindBackend(hub, body);
        NormalizeInput(body, backend);
        var request = NewtonsoftJson.ToModel<CreateJobRequest>(body);
        var inputParams = ReadInputParams(body);
        var inputType = body["input"]!["type"]!.Value<string>()!;

        CheckBackendAcceptsJobs(hub, backend);
        CheckAvailability(hub, backend);
        if (request.Shots != 0 || !QuandelaBackends.IsPercevalType(backend.InputType))
        {
            // A Perceval job may send 0 shots and take them from its payload's max_shots (hub-facts-2026.md Quantum API 3).
            CheckShots(backend, request.Shots);
        }

        CheckInputType(hub, backend, inputType);
        var format = CheckFormat(backend, request.InputFormat);
        CheckNativeGates(backend, request.Input);
        var perceval = request.Input is PercevalJobInput photonic ? PercevalRun.Read((JObject)photonic.Value, backend, request.Shots) : null;
        var program = perceval is null ? Compile(request.Input, backend) : null;
        var now = hub.Now;
        var ordinal = hub.NextOrdinal();
        var record = new JobRecord
        {
            Id = Guid.NewGuid().ToString(),
            Ordinal = ordinal,
            OwnerKey = ownerKey,
            Backend = backend,
            Name = request.Name,
            Shots = request.Shots,
            InputJson = NewtonsoftJson.Serialize(request.Input),
            InputFormat = format,
            InputParams = inputParams,
            Tags = request.Tags?.ToArray(),
            SessionId = request.SessionId,
            ServiceExecutionId = serviceExecutionId,
            SdkProvider = body["sdk_provider"] is JValue { Type: JTokenType.String } sdk ? new JobSdkProvider(sdk.Value<string>()!) : (JobSdkProvider?)null,
            ProviderJobId = ProviderJobId(backend),
            CreatedAt = now,
            Phases = new PhaseDurations(hub.Options.JobPendingDuration, hub.Options.JobRunningDuration, hub.Options.JobCancellingDuration),
            Stalled = backend.IsPaused,
            PlannedFailure = PlanFailure(hub, backend, program, perceval, inputParams),
            Program = program,
            Perceval = perceval,
            Seed = hub.SeedFor(ordinal),
            KeepMemory = inputParams?["memory"] is JValue { Type: JTokenType.Boolean } memory && memory.Value<bool>(),
            ResultBytes = ReadResultBytes(hub, inputParams),
        };

        if (request.SessionId is { } sessionId)
        {
            JoinSession(hub, record, sessionId, ownerKey, now);
        }

        hub.Jobs.Add(record);
        return record;
    }

    private static void RequireFields(JObject body, params string[] names)
    {
        foreach (var name in names)
        {
            if (body[name] is null || body[name]!.Type == JTokenType.Null)
            {
                throw HttpProblemException.BadRequest($"The required field '{name}' is missing. A job needs backend_id, shots and input.");
            }
        }

        if (body["backend_id"]!.Type != JTokenType.String)
        {
            throw HttpProblemException.BadRequest("The field 'backend_id' must be a string, e.g. \"aws.sim.sv1\".");
        }

        if (body["shots"]!.Type != JTokenType.Integer)
        {
            throw HttpProblemException.BadRequest("The field 'shots' must be an integer.");
        }
    }

    private static BackendDefinition FindBackend(HubRuntime hub, JObject body)
    {
        var id = body["backend_id"]!.Value<string>();
        return hub.Catalog.Find(id)
            ?? throw HttpProblemException.Unprocessable($"Backend '{id}' does not exist. GET /backends lists the backends; the emulator runs jobs on {hub.Catalog.ExecutableIds}.");
    }

    /// <summary>
    /// Brings legacy input shapes to the spec's union: a bare OpenQASM string (older Braket clients) and an object
    /// without <c>type</c> (older clients that keyed the variant by backend) get the backend's variant.
    /// </summary>
    private static void NormalizeInput(JObject body, BackendDefinition backend)
    {
        switch (body["input"])
        {
            case JValue { Type: JTokenType.String } text when IsQasmType(backend.InputType):
                body["input"] = new JObject { ["type"] = backend.InputType, ["value"] = text };
                break;
            case JObject input:
                NormalizeInputObject(input, backend);
                break;
            default:
                throw HttpProblemException.BadRequest($"The field 'input' must be a JobInput object keyed by 'type' (backend '{backend.Id}' expects type {backend.InputType ?? "none the emulator runs"}).");
        }
    }

    private static void NormalizeInputObject(JObject input, BackendDefinition backend)
    {
        var type = input["type"];
        if (type is null || type.Type == JTokenType.Null)
        {
            input["type"] = backend.InputType
                ?? throw HttpProblemException.Unprocessable($"input.type is missing, and backend '{backend.Id}' has no input type the emulator runs.");
        }
        else if (type.Type != JTokenType.String)
        {
            throw HttpProblemException.BadRequest("input.type must be a string naming the input variant, e.g. \"AZURE_IONQ_SIMULATOR\" or \"AWS_SIM_SV1\".");
        }

        var name = input["type"]!.Value<string>();
        if (name == IonqInputType)
        {
            RequireInputField(input, "circuit", JTokenType.Array, "an array of gates");
            RequireInputField(input, "qubits", JTokenType.Integer, "an integer");
            input["gateset"] ??= "qis";
        }
        else if (IsQasmType(name))
        {
            RequireInputField(input, "value", JTokenType.String, "the OpenQASM 3 program text");
        }
        else if (QuandelaBackends.IsPercevalType(name))
        {
            RequireInputField(input, "value", JTokenType.Object, "the Perceval payload, a JSON object such as {\"command\": \"sample_count\", \"max_shots\": 1000}");
        }
    }

    private static void RequireInputField(JObject input, string name, JTokenType type, string what)
    {
        var value = input[name];
        if (value is null || value.Type == JTokenType.Null)
        {
            throw HttpProblemException.BadRequest($"input.{name} is required for input type {input["type"]}: {what}.");
        }

        if (value.Type != type)
        {
            throw HttpProblemException.BadRequest($"input.{name} must be {what}.");
        }
    }

    private static JObject? ReadInputParams(JObject body) => body["input_params"] switch
    {
        null or { Type: JTokenType.Null } => null,
        JObject o => o,
        _ => throw HttpProblemException.BadRequest("The field 'input_params' must be a JSON object."),
    };

    private static void CheckBackendAcceptsJobs(HubRuntime hub, BackendDefinition backend)
    {
        if (!backend.AcceptsJobs)
        {
            throw HttpProblemException.Unprocessable($"Backend '{backend.Id}' is {backend.Status} and accepts no jobs. Choose an ONLINE backend (GET /backends), e.g. one of {hub.Catalog.ExecutableIds}.");
        }
    }

    /// <summary>A backend with a daily window refuses jobs outside it; the emulator's clock (KipuHubEmulatorOptions.TimeProvider) says when now is.</summary>
    private static void CheckAvailability(HubRuntime hub, BackendDefinition backend)
    {
        var now = hub.Now;
        if (backend.Window is { } window && !window.Contains(now))
        {
            throw HttpProblemException.Unprocessable($"Backend '{backend.Id}' accepts jobs only {window.StartText}-{window.EndText} UTC daily (availability), and it is {now.UtcDateTime:HH:mm:ss} UTC now. Submit within the window or choose a backend available now.");
        }
    }

    private static void CheckShots(BackendDefinition backend, int shots)
    {
        if (shots < backend.MinShots || shots > backend.MaxShots)
        {
            throw HttpProblemException.Unprocessable($"shots is {shots}, but backend '{backend.Id}' accepts {backend.MinShots} to {backend.MaxShots} shots (configuration.shots_range).");
        }
    }

    private static void CheckInputType(HubRuntime hub, BackendDefinition backend, string inputType)
    {
        if (!KnownInputTypes.Contains(inputType))
        {
            throw HttpProblemException.Unprocessable($"input.type '{inputType}' is not a job input type the Hub knows. Known types: {string.Join(", ", KnownInputTypes)}.");
        }

        if (backend.InputType is null)
        {
            throw HttpProblemException.Unprocessable($"The emulator cannot run jobs on backend '{backend.Id}': it takes {string.Join("/", backend.InputFormats)} input, which the emulator lists but does not execute. It runs jobs on {hub.Catalog.ExecutableIds}.");
        }

        if (inputType != backend.InputType)
        {
            throw HttpProblemException.Unprocessable($"input.type is {inputType}, but backend '{backend.Id}' expects {backend.InputType}. Send the input variant of the backend you chose.");
        }
    }

    private static JobInputFormat CheckFormat(BackendDefinition backend, JobInputFormat? requested)
    {
        if (requested is not { } format)
        {
            return backend.InputFormats[0];
        }

        return backend.InputFormats.Contains(format)
            ? format
            : throw HttpProblemException.Unprocessable($"input_format {format} is not supported by backend '{backend.Id}'; it accepts {string.Join(", ", backend.InputFormats)} (configuration.supported_input_formats).");
    }

    /// <summary>
    /// A circuit in IonQ's <c>native</c> gate set runs on the hardware without compilation, so the Hub refuses any gate
    /// the backend does not list in <c>configuration.gates</c> (the emulator publishes <see cref="BackendDefinition.NativeGates"/> there).
    /// </summary>
    private static void CheckNativeGates(BackendDefinition backend, JobInput input)
    {
        if (input is not AzureIonqSimulatorJobInput ionq || !IonqCircuitCompiler.IsNative(ionq))
        {
            return;
        }

        var unlisted = (ionq.Circuit ?? [])
            .Select((gate, index) => (Name: IonqCircuitCompiler.GateName(gate), Index: index))
            .Where(g => g.Name is not null && !backend.NativeGates.Contains(g.Name, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (unlisted.Count > 0)
        {
            var names = string.Join(", ", unlisted.Select(g => g.Name).Distinct());
            throw HttpProblemException.Unprocessable($"The native circuit uses {names} (first at input.circuit[{unlisted[0].Index}]), which backend '{backend.Id}' does not list in configuration.gates ({string.Join(", ", backend.NativeGates)}). Use only those gates, or send the circuit with gateset 'qis'.");
        }
    }

    private static QuantumProgram Compile(JobInput input, BackendDefinition backend)
    {
        var program = Simulate(input);
        if (program.QubitCount > backend.QubitCount)
        {
            throw HttpProblemException.Unprocessable($"The circuit uses {program.QubitCount} qubits, but backend '{backend.Id}' has {backend.QubitCount} (configuration.qubit_count).");
        }

        return program;
    }

    /// <summary>Compiles the input for the simulator; a circuit it cannot run is a 422 with the simulator's reason.</summary>
    private static QuantumProgram Simulate(JobInput input)
    {
        try
        {
            return input switch
            {
                AzureIonqSimulatorJobInput ionq => IonqCircuitCompiler.Compile(ionq),
                OpenQasm3JobInput qasm => QasmParser.Parse(qasm.Value),
                _ => throw HttpProblemException.Unprocessable($"The emulator cannot run input of type {input.GetType().Name}."),
            };
        }
        catch (QasmException ex)
        {
            throw HttpProblemException.Unprocessable($"input.value: {ex.Message}");
        }
        catch (CircuitException ex)
        {
            throw HttpProblemException.Unprocessable(ex.Message);
        }
    }

    private static long ReadResultBytes(HubRuntime hub, JObject? inputParams)
    {
        var value = inputParams?["emulator_result_bytes"];
        if (value is null || value.Type == JTokenType.Null)
        {
            return 0;
        }

        if (value.Type != JTokenType.Integer || value.Value<long>() < 0 || value.Value<long>() > hub.Options.MaxResultBytes)
        {
            throw HttpProblemException.Unprocessable($"input_params.emulator_result_bytes must be an integer from 0 to {hub.Options.MaxResultBytes} (KipuHubEmulatorOptions.MaxResultBytes).");
        }

        return value.Value<long>();
    }

    private static JobFailure? PlanFailure(HubRuntime hub, BackendDefinition backend, QuantumProgram? program, PercevalRun? perceval, JObject? inputParams)
    {
        if (inputParams?["emulator_fail"] is JValue { Type: JTokenType.String } forced)
        {
            return new JobFailure("EMULATOR_FORCED_FAILURE", forced.Value<string>()!);
        }

        if (hub.Options.FailingBackendIds.Contains(backend.Id))
        {
            return new JobFailure("BACKEND_ERROR", $"Backend '{backend.Id}' reported an error while running the job (the emulator is configured to fail this backend).");
        }

        if (perceval?.Failure is { } percevalError)
        {
            return new JobFailure("PROVIDER_ERROR", percevalError);
        }

        if (program is not null && program.QubitCount > hub.Options.MaxSimulatedQubits)
        {
            return new JobFailure("SIMULATION_CAPACITY_EXCEEDED", $"The circuit uses {program.QubitCount} qubits; the emulator simulates at most {hub.Options.MaxSimulatedQubits} (KipuHubEmulatorOptions.MaxSimulatedQubits).");
        }

        return null;
    }

    private static void JoinSession(HubRuntime hub, JobRecord record, string sessionId, string ownerKey, DateTimeOffset now)
    {
        var session = hub.Sessions.Find(sessionId, ownerKey)
            ?? throw HttpProblemException.NotFound($"Session '{sessionId}' was not found in this context (check X-OrganizationId).");
        if (!ReferenceEquals(session.Backend, record.Backend))
        {
            throw HttpProblemException.Unprocessable($"Session '{sessionId}' runs on '{session.Backend.Id}', but the job asks for '{record.Backend.Id}'. Submit it to the session's backend.");
        }

        session.AddJob(record, now);
    }

    private static string ProviderJobId(BackendDefinition backend)
        => backend.Provider == BackendProvider.Aws
            ? $"arn:aws:braket:us-east-1:000000000000:quantum-task/{Guid.NewGuid()}"
            : Guid.NewGuid().ToString();

    private static bool IsQasmType(string? type) => type is not null && type.StartsWith("AWS_", StringComparison.Ordinal);
}
