namespace KipuHub.Emulator.Service;

/// <summary>The demo services deployed behind the emulated gateway.</summary>
internal enum DemoServiceKind
{
    /// <summary><c>echo</c>: returns its <c>input</c> as the result and as <c>output.json</c>.</summary>
    Echo,

    /// <summary><c>bell-sampler</c>: runs a Bell circuit as a Quantum job and returns its counts (<c>result.json</c>, <c>counts.csv</c>).</summary>
    BellSampler,
}
