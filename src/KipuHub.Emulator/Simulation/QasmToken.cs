namespace KipuHub.Emulator.Simulation;

/// <summary>The kinds of OpenQASM tokens the subset needs.</summary>
internal enum QasmTokenKind
{
    Identifier,
    Number,
    String,
    Symbol,
    End,
}

/// <summary>One OpenQASM token and the line it starts on.</summary>
internal readonly record struct QasmToken(QasmTokenKind Kind, string Text, int Line)
{
    public bool Is(string symbolOrWord) => Kind != QasmTokenKind.End && Text == symbolOrWord;

    public override string ToString() => Kind == QasmTokenKind.End ? "end of program" : $"'{Text}'";
}
