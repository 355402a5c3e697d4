using System.Numerics;

namespace KipuHub.Emulator.Simulation;

/// <summary>A 2x2 complex matrix <c>[[A, B], [C, D]]</c>: one single-qubit gate.</summary>
internal readonly record struct Matrix2(Complex A, Complex B, Complex C, Complex D)
{
    /// <summary>The conjugate transpose (the inverse of a unitary).</summary>
    public Matrix2 Adjoint() => new(Complex.Conjugate(A), Complex.Conjugate(C), Complex.Conjugate(B), Complex.Conjugate(D));
}
