namespace KipuHub.Emulator.Simulation;

/// <summary>Runs a program and samples shots from its final state with a seeded RNG (same seed, same counts).</summary>
internal static class Sampler
{
    /// <summary>Probabilities below this are rounding noise of the simulation, not outcomes.</summary>
    private const double Negligible = 1e-12;

    public static SimulationOutcome Sample(QuantumProgram program, int shots, int seed, bool keepMemory)
    {
        var probabilities = program.Run().Probabilities();
        var cumulative = Cumulative(probabilities);
        var random = new Random(seed);
        var perIndex = new int[probabilities.Length];
        var memory = keepMemory ? new List<string>(shots) : null;
        for (var shot = 0; shot < shots; shot++)
        {
            var index = Pick(cumulative, random.NextDouble());
            perIndex[index]++;
            memory?.Add(program.BitstringOf(index));
        }

        return new SimulationOutcome(CountsByBitstring(program, perIndex), ProbabilitiesByBitstring(program, probabilities), memory);
    }

    private static double[] Cumulative(double[] probabilities)
    {
        var cumulative = new double[probabilities.Length];
        var sum = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            sum += probabilities[i] < Negligible ? 0 : probabilities[i];
            cumulative[i] = sum;
        }

        // Normalise so that rounding never leaves a draw without an outcome.
        for (var i = 0; i < cumulative.Length; i++)
        {
            cumulative[i] /= sum;
        }

        return cumulative;
    }

    private static int Pick(double[] cumulative, double u)
    {
        var index = Array.BinarySearch(cumulative, u);
        index = index >= 0 ? index + 1 : ~index;
        // Skip zero-probability states that share the same cumulative value.
        while (index < cumulative.Length - 1 && (index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1]) <= 0)
        {
            index++;
        }

        return Math.Min(index, cumulative.Length - 1);
    }

    private static SortedDictionary<string, int> CountsByBitstring(QuantumProgram program, int[] perIndex)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < perIndex.Length; i++)
        {
            if (perIndex[i] > 0)
            {
                var key = program.BitstringOf(i);
                counts[key] = counts.GetValueOrDefault(key) + perIndex[i];
            }
        }

        return counts;
    }

    private static SortedDictionary<string, double> ProbabilitiesByBitstring(QuantumProgram program, double[] probabilities)
    {
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] >= Negligible)
            {
                var key = program.BitstringOf(i);
                result[key] = result.GetValueOrDefault(key) + probabilities[i];
            }
        }

        foreach (var key in result.Keys.ToList())
        {
            result[key] = Math.Round(result[key], 12);
        }

        return result;
    }
}
