using System.Globalization;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// Synthetic calibrations: QPUs are calibrated daily at 02:00 UTC since 2024-01-01. The document for a given day is
/// derived from the backend id and the day, so the same instant always yields the same calibration.
/// </summary>
internal static class CalibrationGenerator
{
    private static readonly DateTimeOffset FirstCalibration = new(2024, 1, 1, 2, 0, 0, TimeSpan.Zero);

    public static CalibrationResponse For(BackendDefinition backend, DateTimeOffset effectiveAt, DateTimeOffset now)
    {
        if (!backend.HasCalibration)
        {
            throw HttpProblemException.NotFound($"Backend '{backend.Id}' has no calibration data (has_calibration is false; simulators are not calibrated).");
        }

        var at = effectiveAt > now ? now : effectiveAt;
        if (at < FirstCalibration)
        {
            throw HttpProblemException.NotFound($"No calibration of '{backend.Id}' is effective at {at:O}; the first one was taken at {FirstCalibration:O}.");
        }

        var day = (int)Math.Floor((at - FirstCalibration).TotalDays);
        var calibratedAt = FirstCalibration.AddDays(day);
        return new CalibrationResponse
        {
            BackendId = backend.Id,
            CalibratedAt = calibratedAt,
            Calibration = Document(backend, day),
        };
    }

    private static JObject Document(BackendDefinition backend, int day)
    {
        var random = new Random(StableHash(backend.Id) ^ day);
        var qubits = new JArray();
        for (var q = 0; q < backend.QubitCount; q++)
        {
            qubits.Add(new JObject
            {
                ["id"] = q.ToString(CultureInfo.InvariantCulture),
                ["t1_us"] = Math.Round(Between(random, 40, 180), 1),
                ["t2_us"] = Math.Round(Between(random, 20, 120), 1),
                ["readout_fidelity"] = Math.Round(Between(random, 0.95, 0.995), 4),
                ["single_qubit_gate_fidelity"] = Math.Round(Between(random, 0.998, 0.9998), 5),
            });
        }

        return new JObject
        {
            ["source"] = "KipuHub.Emulator (synthetic)",
            ["two_qubit_gate_fidelity_mean"] = Math.Round(Between(random, 0.97, 0.995), 4),
            ["qubits"] = qubits,
        };
    }

    private static double Between(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    /// <summary>string.GetHashCode is randomized per process; calibrations must be stable across runs.</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
