using System.Globalization;

namespace KipuHub.Emulator.Simulation;

/// <summary>
/// Reads the OpenQASM 3 subset the emulator simulates: <c>OPENQASM 3;</c>, <c>include</c>, <c>qubit[n] q;</c> (also
/// <c>qreg</c> and Braket's physical qubits <c>$0</c>), <c>bit[n] c;</c> (also <c>creg</c>), the gates of
/// <see cref="QasmGateTable"/> with angle expressions (numbers, <c>pi</c>, + - * / **, parentheses, sin/cos/…),
/// register broadcasting, <c>barrier</c>, and terminal measurement in every spelling (<c>c = measure q;</c>,
/// <c>c[0] = measure q[0];</c>, <c>bit[2] c = measure q;</c>, <c>measure q -> c;</c>, <c>measure q;</c>).
/// Result bitstrings list classical bits in declaration order, <c>c[0]</c> first (Braket's convention); a program that
/// measures nothing reads every qubit, <c>q[0]</c> first.
/// </summary>
internal sealed class QasmParser
{
    private const int MaxQubits = 1024;

    private static readonly HashSet<string> UnsupportedWords = new(StringComparer.Ordinal)
    {
        "gate", "def", "defcal", "cal", "if", "else", "for", "while", "reset", "input", "output", "const", "let",
        "ctrl", "negctrl", "inv", "pow", "box", "delay", "int", "uint", "float", "angle", "bool", "complex", "duration",
        "stretch", "return", "break", "continue", "end", "switch", "extern", "array",
    };

    private static readonly Dictionary<string, Func<double, double>> Functions = new(StringComparer.Ordinal)
    {
        ["sin"] = Math.Sin, ["cos"] = Math.Cos, ["tan"] = Math.Tan, ["exp"] = Math.Exp, ["ln"] = Math.Log,
        ["sqrt"] = Math.Sqrt, ["arcsin"] = Math.Asin, ["arccos"] = Math.Acos, ["arctan"] = Math.Atan,
    };

    private readonly List<QasmToken> _tokens;
    private readonly Dictionary<string, (int Offset, int Size)> _qubitRegisters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Offset, int Size)> _bitRegisters = new(StringComparer.Ordinal);
    private readonly List<int> _bits = [];
    private readonly List<int> _bareMeasured = [];
    private readonly HashSet<int> _measured = [];
    private readonly CircuitBuilder _builder = new();
    private int _position;
    private int _declaredQubits;
    private int _highestPhysicalQubit = -1;
    private bool _anyBitAssigned;

    private QasmParser(List<QasmToken> tokens) => _tokens = tokens;

    /// <summary>Parses a program; throws <see cref="QasmException"/> with the line of the first problem.</summary>
    public static QuantumProgram Parse(string source)
    {
        var parser = new QasmParser(QasmLexer.Tokenize(source));
        while (parser.Peek().Kind != QasmTokenKind.End)
        {
            parser.ParseStatement();
        }

        return parser.Finish();
    }

    private QuantumProgram Finish()
    {
        var qubitCount = _qubitRegisters.Count > 0 ? _declaredQubits : _highestPhysicalQubit + 1;
        if (qubitCount <= 0)
        {
            throw new QasmException(Peek().Line, "the program declares no qubits; declare them with 'qubit[n] q;'.");
        }

        IReadOnlyList<int> readout = _anyBitAssigned ? _bits
            : _bareMeasured.Count > 0 ? _bareMeasured
            : Enumerable.Range(0, qubitCount).ToArray();
        return new QuantumProgram(qubitCount, _builder.Operations, readout);
    }

    private void ParseStatement()
    {
        var token = Peek();
        if (token.Is(";"))
        {
            Next();
            return;
        }

        if (token.Kind != QasmTokenKind.Identifier)
        {
            throw Error(token, $"expected a statement, found {token}.");
        }

        switch (token.Text)
        {
            case "OPENQASM":
                ParseVersion();
                return;
            case "include":
                Next();
                Expect(QasmTokenKind.String, "a file name in quotes after 'include'");
                ExpectSemicolon();
                return;
            case "qubit":
                ParseQubitDeclaration();
                return;
            case "qreg":
                ParseLegacyRegister(qubits: true);
                return;
            case "bit":
                ParseBitDeclaration();
                return;
            case "creg":
                ParseLegacyRegister(qubits: false);
                return;
            case "measure":
                ParseMeasureStatement();
                return;
            case "barrier":
                SkipStatement();
                return;
        }

        if (UnsupportedWords.Contains(token.Text))
        {
            throw Error(token, $"'{token.Text}' is outside the emulator's OpenQASM subset (declarations, standard gates, barrier, terminal measurement).");
        }

        if (PeekAt(1).Is("=") || PeekAt(1).Is("["))
        {
            ParseMeasureAssignment();
        }
        else
        {
            ParseGateCall();
        }
    }

    private void ParseVersion()
    {
        Next();
        var version = Expect(QasmTokenKind.Number, "a version number after OPENQASM");
        if (!version.Text.StartsWith('3'))
        {
            throw Error(version, $"the emulator reads OpenQASM 3; this program declares version {version.Text}.");
        }

        ExpectSemicolon();
    }

    /// <summary>Reads <c>qubit[n] name</c> or <c>bit[n] name</c> (the keyword, an optional size, default 1, and the name).</summary>
    private (QasmToken Name, int Size) ParseDeclaration(string what)
    {
        Next();
        var size = ParseOptionalSize();
        return (ExpectIdentifier(what), size ?? 1);
    }

    private void ParseQubitDeclaration()
    {
        var (name, size) = ParseDeclaration("a qubit register name");
        DeclareQubits(name, size);
        ExpectSemicolon();
    }

    private void ParseBitDeclaration()
    {
        var (name, size) = ParseDeclaration("a bit register name");
        DeclareBits(name, size);
        if (Accept("="))
        {
            ExpectWord("measure");
            var qubits = ParseQubitOperand();
            AssignMeasurement(name, Enumerable.Range(_bitRegisters[name.Text].Offset, size).ToArray(), qubits);
        }

        ExpectSemicolon();
    }

    private void ParseLegacyRegister(bool qubits)
    {
        Next();
        var name = ExpectIdentifier("a register name");
        Expect("[");
        var size = ParseInteger("a register size");
        Expect("]");
        if (qubits)
        {
            DeclareQubits(name, size);
        }
        else
        {
            DeclareBits(name, size);
        }

        ExpectSemicolon();
    }

    private int? ParseOptionalSize()
    {
        if (!Accept("["))
        {
            return null;
        }

        var size = ParseInteger("a register size");
        Expect("]");
        return size;
    }

    private void DeclareQubits(QasmToken name, int size)
    {
        if (_highestPhysicalQubit >= 0)
        {
            throw Error(name, "a program uses either declared qubits or physical qubits ($0, $1, ...), not both.");
        }

        if (size < 1 || _declaredQubits + size > MaxQubits)
        {
            throw Error(name, $"register '{name.Text}' must hold 1 to {MaxQubits - _declaredQubits} qubits, not {size}.");
        }

        if (!_qubitRegisters.TryAdd(name.Text, (_declaredQubits, size)) || _bitRegisters.ContainsKey(name.Text))
        {
            throw Error(name, $"'{name.Text}' is already declared.");
        }

        _declaredQubits += size;
    }

    private void DeclareBits(QasmToken name, int size)
    {
        if (size < 1 || _bits.Count + size > MaxQubits)
        {
            throw Error(name, $"bit register '{name.Text}' must hold 1 to {MaxQubits - _bits.Count} bits, not {size}.");
        }

        if (!_bitRegisters.TryAdd(name.Text, (_bits.Count, size)) || _qubitRegisters.ContainsKey(name.Text))
        {
            throw Error(name, $"'{name.Text}' is already declared.");
        }

        _bits.AddRange(Enumerable.Repeat(-1, size));
    }

    private void ParseMeasureStatement()
    {
        Next();
        var qubits = ParseQubitOperand();
        if (Accept("->"))
        {
            var target = Peek();
            var bits = ParseBitOperand();
            AssignMeasurement(target, bits, qubits);
        }
        else
        {
            foreach (var q in qubits.Where(q => _measured.Add(q)))
            {
                _bareMeasured.Add(q);
            }
        }

        ExpectSemicolon();
    }

    private void ParseMeasureAssignment()
    {
        var target = Peek();
        var bits = ParseBitOperand();
        Expect("=");
        ExpectWord("measure");
        var qubits = ParseQubitOperand();
        AssignMeasurement(target, bits, qubits);
        ExpectSemicolon();
    }

    private void AssignMeasurement(QasmToken at, int[] bits, int[] qubits)
    {
        if (bits.Length != qubits.Length)
        {
            throw Error(at, $"measures {qubits.Length} qubit(s) into {bits.Length} bit(s); the sizes must match.");
        }

        for (var i = 0; i < bits.Length; i++)
        {
            _bits[bits[i]] = qubits[i];
            _measured.Add(qubits[i]);
        }

        _anyBitAssigned = true;
    }

    private void ParseGateCall()
    {
        var name = Next();
        if (!QasmGateTable.Gates.TryGetValue(name.Text, out var gate))
        {
            throw Error(name, $"unknown gate '{name.Text}'. The emulator simulates: {QasmGateTable.Names}.");
        }

        var angles = ParseGateArguments(name, gate);
        var operands = new List<int[]>();
        do
        {
            operands.Add(ParseQubitOperand());
        }
        while (Accept(","));
        ExpectSemicolon();
        if (operands.Count != gate.Qubits)
        {
            throw Error(name, $"gate '{name.Text}' acts on {gate.Qubits} qubit(s), got {operands.Count}.");
        }

        ApplyBroadcast(name, gate, angles, operands);
    }

    private double[] ParseGateArguments(QasmToken name, QasmGate gate)
    {
        var angles = new List<double>();
        if (Accept("(") && !Accept(")"))
        {
            do
            {
                angles.Add(ParseExpression());
            }
            while (Accept(","));
            Expect(")");
        }

        if (angles.Count != gate.Parameters)
        {
            throw Error(name, $"gate '{name.Text}' takes {gate.Parameters} angle(s), got {angles.Count}.");
        }

        return angles.ToArray();
    }

    /// <summary>Applies a gate once per index when operands are registers (OpenQASM broadcasting).</summary>
    private void ApplyBroadcast(QasmToken name, QasmGate gate, double[] angles, List<int[]> operands)
    {
        var length = operands.Max(o => o.Length);
        if (operands.Any(o => o.Length != 1 && o.Length != length))
        {
            throw Error(name, $"gate '{name.Text}' is applied to registers of different sizes.");
        }

        for (var k = 0; k < length; k++)
        {
            var qubits = operands.Select(o => o.Length == 1 ? o[0] : o[k]).ToArray();
            if (qubits.Distinct().Count() != qubits.Length)
            {
                throw Error(name, $"gate '{name.Text}' names the same qubit twice.");
            }

            if (qubits.FirstOrDefault(_measured.Contains, -1) is var measured and >= 0)
            {
                throw Error(name, $"gate '{name.Text}' acts on qubit {measured} after it was measured; the emulator runs only circuits whose measurements come last.");
            }

            gate.Apply(_builder, angles, qubits);
        }
    }

    private int[] ParseQubitOperand()
    {
        var name = ExpectIdentifier("a qubit");
        if (name.Text.StartsWith('$'))
        {
            return [PhysicalQubit(name)];
        }

        if (!_qubitRegisters.TryGetValue(name.Text, out var register))
        {
            throw Error(name, $"unknown qubit register '{name.Text}'; declare it first with 'qubit[n] {name.Text};'.");
        }

        return ParseIndexedOperand(name, register);
    }

    private int[] ParseBitOperand()
    {
        var name = ExpectIdentifier("a bit register");
        if (!_bitRegisters.TryGetValue(name.Text, out var register))
        {
            throw Error(name, $"unknown bit register '{name.Text}'; declare it first with 'bit[n] {name.Text};'.");
        }

        return ParseIndexedOperand(name, register);
    }

    private int[] ParseIndexedOperand(QasmToken name, (int Offset, int Size) register)
    {
        if (!Accept("["))
        {
            return Enumerable.Range(register.Offset, register.Size).ToArray();
        }

        var index = ParseInteger("an index");
        Expect("]");
        if (index >= register.Size)
        {
            throw Error(name, $"index {index} is outside '{name.Text}', which has {register.Size} element(s).");
        }

        return [register.Offset + index];
    }

    private int PhysicalQubit(QasmToken token)
    {
        if (_qubitRegisters.Count > 0)
        {
            throw Error(token, "a program uses either declared qubits or physical qubits ($0, $1, ...), not both.");
        }

        if (!int.TryParse(token.Text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= MaxQubits)
        {
            throw Error(token, $"'{token.Text}' is not a physical qubit; write $0, $1, ... up to ${MaxQubits - 1}.");
        }

        _highestPhysicalQubit = Math.Max(_highestPhysicalQubit, index);
        return index;
    }

    private double ParseExpression() => ParseLeftAssociative(ParseTerm, "+", "-");

    private double ParseTerm() => ParseLeftAssociative(ParseUnary, "*", "/");

    /// <summary>One precedence level: operands of the next level joined left to right by <paramref name="first"/> or <paramref name="second"/>.</summary>
    private double ParseLeftAssociative(Func<double> operand, string first, string second)
    {
        var value = operand();
        while (Peek().Is(first) || Peek().Is(second))
        {
            var op = Next();
            var right = operand();
            value = op.Text switch
            {
                "+" => value + right,
                "-" => value - right,
                "*" => value * right,
                _ => value / right,
            };
            if (op.Text is "*" or "/" && !double.IsFinite(value))
            {
                throw Error(op, "the angle expression is not a finite number (division by zero?).");
            }
        }

        return value;
    }

    private double ParseUnary()
    {
        if (Accept("-"))
        {
            return -ParseUnary();
        }

        if (Accept("+"))
        {
            return ParseUnary();
        }

        var value = ParsePrimary();
        return Accept("**") ? Math.Pow(value, ParseUnary()) : value;
    }

    private double ParsePrimary()
    {
        var token = Next();
        if (token.Kind == QasmTokenKind.Number)
        {
            return double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Error(token, $"'{token.Text}' is not a number.");
        }

        if (token.Is("("))
        {
            var inner = ParseExpression();
            Expect(")");
            return inner;
        }

        if (token.Kind == QasmTokenKind.Identifier)
        {
            switch (token.Text)
            {
                case "pi" or "π":
                    return Math.PI;
                case "tau" or "τ":
                    return Math.Tau;
                case "euler" or "ℇ":
                    return Math.E;
            }

            if (Functions.TryGetValue(token.Text, out var function))
            {
                Expect("(");
                var argument = ParseExpression();
                Expect(")");
                return function(argument);
            }
        }

        throw Error(token, $"expected an angle (a number, pi, or an expression), found {token}.");
    }

    private int ParseInteger(string what)
    {
        var token = Next();
        if (token.Kind != QasmTokenKind.Number || !int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(token, $"expected {what} (a non-negative integer), found {token}.");
        }

        return value;
    }

    private void SkipStatement()
    {
        while (!Peek().Is(";"))
        {
            if (Peek().Kind == QasmTokenKind.End)
            {
                throw Error(Peek(), "expected ';' at the end of the statement.");
            }

            Next();
        }

        Next();
    }

    private QasmToken Peek() => _tokens[_position];

    private QasmToken PeekAt(int offset) => _tokens[Math.Min(_position + offset, _tokens.Count - 1)];

    private QasmToken Next()
    {
        var token = _tokens[_position];
        if (token.Kind != QasmTokenKind.End)
        {
            _position++;
        }

        return token;
    }

    private bool Accept(string symbol)
    {
        if (Peek().Kind == QasmTokenKind.Symbol && Peek().Text == symbol)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol))
        {
            throw Error(Peek(), $"expected '{symbol}', found {Peek()}.");
        }
    }

    private void ExpectSemicolon()
    {
        if (!Accept(";"))
        {
            // Point at the line of the statement that lacks it, not at the next statement.
            var line = _position > 0 ? _tokens[_position - 1].Line : Peek().Line;
            throw new QasmException(line, $"expected ';' at the end of the statement, found {Peek()}.");
        }
    }

    private QasmToken Expect(QasmTokenKind kind, string what)
    {
        var token = Next();
        return token.Kind == kind ? token : throw Error(token, $"expected {what}, found {token}.");
    }

    private QasmToken ExpectIdentifier(string what) => Expect(QasmTokenKind.Identifier, what);

    private void ExpectWord(string word)
    {
        var token = Next();
        if (token.Kind != QasmTokenKind.Identifier || token.Text != word)
        {
            throw Error(token, $"expected '{word}', found {token}.");
        }
    }

    private static QasmException Error(QasmToken token, string reason) => new(token.Line, reason);
}
