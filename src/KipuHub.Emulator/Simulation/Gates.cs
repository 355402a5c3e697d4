using System.Numerics;

namespace KipuHub.Emulator.Simulation;

/// <summary>The single-qubit gate matrices both input languages share.</summary>
internal static class Gates
{
    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

    public static readonly Matrix2 Identity = new(1, 0, 0, 1);
    public static readonly Matrix2 X = new(0, 1, 1, 0);
    public static readonly Matrix2 Y = new(0, -Complex.ImaginaryOne, Complex.ImaginaryOne, 0);
    public static readonly Matrix2 Z = new(1, 0, 0, -1);
    public static readonly Matrix2 H = new(InvSqrt2, InvSqrt2, InvSqrt2, -InvSqrt2);
    public static readonly Matrix2 S = new(1, 0, 0, Complex.ImaginaryOne);
    public static readonly Matrix2 Sdg = S.Adjoint();
    public static readonly Matrix2 T = new(1, 0, 0, Complex.FromPolarCoordinates(1, Math.PI / 4));
    public static readonly Matrix2 Tdg = T.Adjoint();

    /// <summary>V = sqrt(X), IonQ's <c>v</c> (OpenQASM <c>sx</c>).</summary>
    public static readonly Matrix2 V = new(new Complex(0.5, 0.5), new Complex(0.5, -0.5), new Complex(0.5, -0.5), new Complex(0.5, 0.5));
    public static readonly Matrix2 Vdg = V.Adjoint();

    public static Matrix2 Rx(double theta)
    {
        var c = Math.Cos(theta / 2);
        var s = Math.Sin(theta / 2);
        return new(c, new Complex(0, -s), new Complex(0, -s), c);
    }

    public static Matrix2 Ry(double theta)
    {
        var c = Math.Cos(theta / 2);
        var s = Math.Sin(theta / 2);
        return new(c, -s, s, c);
    }

    public static Matrix2 Rz(double theta)
        => new(Complex.FromPolarCoordinates(1, -theta / 2), 0, 0, Complex.FromPolarCoordinates(1, theta / 2));

    /// <summary>Phase shift diag(1, e^{iθ}) (OpenQASM <c>phaseshift</c>/<c>p</c>).</summary>
    public static Matrix2 Phase(double theta) => new(1, 0, 0, Complex.FromPolarCoordinates(1, theta));
}
