namespace KipuHub.SpecIntake;

/// <summary>One NSwag run of nswag.json: the spec, the namespace, the Liquid templates and the file to write.</summary>
/// <param name="Spec">The spec file.</param>
/// <param name="Namespace">The generated code's namespace (KipuHub.Generated.Quantum).</param>
/// <param name="Templates">The template folder (build/templates, or build/templates/facade for the facade's decorators).</param>
/// <param name="Output">The .cs file to write.</param>
internal sealed record GenerationJob(string Spec, string Namespace, string Templates, string Output);
