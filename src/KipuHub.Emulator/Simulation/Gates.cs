using System.Numerics;

namespace KipuHub.Emulator.Simulation;

/// <summary>The single-qubit gate matrices the input languages share, and IonQ's native single-qubit gates.</summary>
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

    /// <summary>IonQ's GPI(φ) = [[0, e^{-2πiφ}], [e^{2πiφ}, 0]], φ in turns: a π rotation about an axis at angle φ in the xy-plane.</summary>
    public static Matrix2 Gpi(double phi)
        => new(0, Complex.FromPolarCoordinates(1, -2 * Math.PI * phi), Complex.FromPolarCoordinates(1, 2 * Math.PI * phi), 0);

    /// <summary>IonQ's GPI2(φ) = 1/√2 [[1, -i e^{-2πiφ}], [-i e^{2πiφ}, 1]], φ in turns: the π/2 rotation about the same axis.</summary>
    public static Matrix2 Gpi2(double phi)
    {
        var minusI = -Complex.ImaginaryOne * InvSqrt2;
        return new(InvSqrt2, minusI * Complex.FromPolarCoordinates(1, -2 * Math.PI * phi), minusI * Complex.FromPolarCoordinates(1, 2 * Math.PI * phi), InvSqrt2);
    }
}
