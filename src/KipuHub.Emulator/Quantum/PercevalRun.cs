using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// A Perceval job as the emulator runs it: the command, the input state and the shot count read from the payload
/// (<c>input.value</c>). It does not simulate linear optics: each shot puts every photon of the input state in a mode
/// drawn with the job's seeded RNG, so counts are deterministic and add up to the shots, nothing more.
/// </summary>
internal sealed record PercevalRun(string Command, int[] InputState, int Shots, string? Failure)
{
    /// <summary>The input state when the payload names none: two photons in four modes.</summary>
    private static readonly int[] DefaultState = [1, 0, 1, 0];

    private const string ZippedCircuitPrefix = ":PCVL:zip:";

    /// <summary>Reads the payload; a payload the backend cannot run is a 422 that says why.</summary>
    /// <param name="payload">The JSON object in <c>input.value</c>.</param>
    /// <param name="backend">The Quandela backend.</param>
    /// <param name="requestShots">The request's <c>shots</c>; 0 takes the payload's <c>max_shots</c>.</param>
    public static PercevalRun Read(JObject payload, BackendDefinition backend, int requestShots)
    {
        var command = payload["command"] is JValue { Type: JTokenType.String } c ? c.Value<string>()! : "sample_count";
        if (!QuandelaBackends.RunnableCommands.Contains(command, StringComparer.Ordinal))
        {
            throw HttpProblemException.Unprocessable($"input.value.command '{command}' is not run by the emulator; it runs {string.Join(", ", QuandelaBackends.RunnableCommands)}.");
        }

        var shots = requestShots > 0 ? requestShots : MaxShots(payload);
        if (shots < backend.MinShots || shots > backend.MaxShots)
        {
            throw HttpProblemException.Unprocessable($"The job asks for {shots} shots, but backend '{backend.Id}' accepts {backend.MinShots} to {backend.MaxShots} (configuration.shots_range).");
        }

        var state = InputStateOf(payload);
        var photonic = backend.Photonic!;
        var photons = state.Sum();
        if (state.Length < photonic.MinModes || state.Length > photonic.MaxModes || photons < photonic.MinPhotons || photons > photonic.MaxPhotons)
        {
            throw HttpProblemException.Unprocessable($"input.value.input_state has {state.Length} modes and {photons} photons; backend '{backend.Id}' takes {photonic.MinModes} to {photonic.MaxModes} modes and {photonic.MinPhotons} to {photonic.MaxPhotons} photons (specs.constraints).");
        }

        return new PercevalRun(command, state, shots, CircuitFailure(payload));
    }

    /// <summary>The <c>results</c> of the envelope, as Perceval's remote job reads it: counts per output state, or one state per shot.</summary>
    public JObject Sample(int seed)
    {
        var random = new Random(seed);
        var photons = InputState.Sum();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var samples = new JArray();
        for (var shot = 0; shot < Shots; shot++)
        {
            var output = new int[InputState.Length];
            for (var p = 0; p < photons; p++)
            {
                output[random.Next(output.Length)]++;
            }

            var key = "|" + string.Join(",", output.Select(n => n.ToString(CultureInfo.InvariantCulture))) + ">";
            counts[key] = counts.GetValueOrDefault(key) + 1;
            if (Command == "samples")
            {
                samples.Add(key);
            }
        }

        return new JObject { ["results"] = Command == "samples" ? samples : JObject.FromObject(counts) };
    }

    private static int MaxShots(JObject payload) => payload["max_shots"] switch
    {
        JValue { Type: JTokenType.Integer } max => max.Value<int>(),
        null => throw HttpProblemException.Unprocessable("shots is 0 and input.value has no max_shots: a Perceval job takes its shot count from one of them."),
        _ => throw HttpProblemException.BadRequest("input.value.max_shots must be an integer."),
    };

    /// <summary>Reads <c>"|1,0,1,0&gt;"</c>, also with Perceval's <c>":PCVL:BasicState:"</c> prefix.</summary>
    private static int[] InputStateOf(JObject payload)
    {
        if (payload["input_state"] is not JValue { Type: JTokenType.String } raw)
        {
            return DefaultState;
        }

        var text = raw.Value<string>()!;
        var start = text.IndexOf('|', StringComparison.Ordinal);
        var end = text.LastIndexOf('>');
        var modes = start >= 0 && end > start ? text[(start + 1)..end].Split(',') : [];
        var state = new int[modes.Length];
        for (var i = 0; i < modes.Length; i++)
        {
            if (!int.TryParse(modes[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out state[i]))
            {
                throw HttpProblemException.BadRequest($"input.value.input_state '{text}' is not a Fock state such as \"|1,0,1,0>\".");
            }
        }

        return state.Length > 0 ? state : throw HttpProblemException.BadRequest($"input.value.input_state '{text}' is not a Fock state such as \"|1,0,1,0>\".");
    }

    /// <summary>
    /// A zipped circuit (<c>":PCVL:zip:" + base64</c>) that does not inflate fails the job the way the Hub reported it
    /// (hub-facts-2026.md Quantum API 4): with zlib's message, in the result's <c>results</c>.
    /// </summary>
    private static string? CircuitFailure(JObject payload)
    {
        if (payload["circuit"] is not JValue { Type: JTokenType.String } circuit || !circuit.Value<string>()!.StartsWith(ZippedCircuitPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var zipped = new MemoryStream(Convert.FromBase64String(circuit.Value<string>()![ZippedCircuitPrefix.Length..]));
            using var inflate = new ZLibStream(zipped, CompressionMode.Decompress);
            using var text = new StreamReader(inflate, Encoding.UTF8);
            text.ReadToEnd();
            return null;
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            return "Error -3 while decompressing data: incorrect data check";
        }
    }
}
