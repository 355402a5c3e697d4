using System.Globalization;
using KipuHub.Emulator.Service;
using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>The emulator's fixed catalog: the deployed demo services, seeded services to page through, algorithms and use cases.</summary>
internal static class CatalogSeed
{
    /// <summary>Seeded entries are dated from here, one day apart, so sorting by date is deterministic.</summary>
    public static readonly DateTimeOffset Origin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ServiceType[] Types = [ServiceType.Managed, ServiceType.External, ServiceType.Workflow];

    private static readonly (string Name, string Acronym, string Problem, ComputationModel Model)[] AlgorithmSeeds =
    [
        ("Grover's search", "GROVER", "Unstructured search", ComputationModel.Quantum),
        ("Shor's algorithm", "SHOR", "Integer factorization", ComputationModel.Hybrid),
        ("Quantum approximate optimization algorithm", "QAOA", "Combinatorial optimization", ComputationModel.Hybrid),
        ("Variational quantum eigensolver", "VQE", "Ground-state energy", ComputationModel.Hybrid),
        ("Quantum phase estimation", "QPE", "Eigenvalue estimation", ComputationModel.Quantum),
        ("Harrow-Hassidim-Lloyd", "HHL", "Linear systems", ComputationModel.Quantum),
        ("Deutsch-Jozsa", "DJ", "Balanced or constant oracle", ComputationModel.Quantum),
        ("Bernstein-Vazirani", "BV", "Hidden bit string", ComputationModel.Quantum),
        ("Simon's algorithm", "SIMON", "Hidden period", ComputationModel.Quantum),
        ("Quantum Fourier transform", "QFT", "Fourier transform of amplitudes", ComputationModel.Quantum),
        ("Quantum amplitude estimation", "QAE", "Monte Carlo estimation", ComputationModel.Quantum),
        ("Quantum kernel estimation", "QKE", "Classification", ComputationModel.Hybrid),
    ];

    private static readonly (string Title, string Summary)[] UseCaseSeeds =
    [
        ("Portfolio optimization", "Select assets under a risk budget with QAOA."),
        ("Molecular ground states", "Estimate binding energies with VQE."),
        ("Vehicle routing", "Plan delivery routes as a QUBO."),
        ("Credit risk analysis", "Speed up Monte Carlo risk estimates with amplitude estimation."),
        ("Job shop scheduling", "Schedule machines and jobs with quantum annealing."),
        ("Fraud detection", "Classify transactions with quantum kernels."),
        ("Battery materials", "Simulate electrolyte molecules."),
        ("Traffic flow optimization", "Balance traffic across a road network."),
    ];

    /// <summary>The demo services first (they run behind the gateway), then <paramref name="seeded"/> catalog-only services.</summary>
    public static IReadOnlyList<CatalogService> Services(int seeded)
    {
        var services = new List<CatalogService>
        {
            Demo("echo", "Echo", 0),
            Demo("bell-sampler", "Bell sampler", 1),
        };
        for (var i = 1; i <= seeded; i++)
        {
            services.Add(new CatalogService(
                Id: "5e7a11ce-0000-4000-8000-" + i.ToString("D12", CultureInfo.InvariantCulture),
                Name: "seeded-service-" + i.ToString("D2", CultureInfo.InvariantCulture),
                DisplayName: "Seeded service " + i.ToString(CultureInfo.InvariantCulture),
                Type: Types[i % Types.Length],
                Lifecycle: ServiceLifecycle.Published,
                CreatedAt: Origin.AddDays(i),
                Order: services.Count,
                GatewayPath: null));
        }

        return services;
    }

    public static IReadOnlyList<AlgorithmDto> Algorithms() => AlgorithmSeeds.Select((a, i) => new AlgorithmDto
    {
        Id = "a1600000-0000-4000-8000-" + (i + 1).ToString("D12", CultureInfo.InvariantCulture),
        Name = a.Name,
        Acronym = a.Acronym,
        Problem = a.Problem,
        Intent = "Solve " + a.Problem.ToLowerInvariant() + ".",
        ComputationModel = a.Model,
        CurrentUserPermission = AccessPermission.Viewer,
        CreatedAt = Origin.AddDays(i),
        ModifiedAt = Origin.AddDays(i),
    }).ToList();

    public static IReadOnlyList<UseCaseDto> UseCases() => UseCaseSeeds.Select((u, i) => new UseCaseDto
    {
        Id = "0ca5e000-0000-4000-8000-" + (i + 1).ToString("D12", CultureInfo.InvariantCulture),
        Title = u.Title,
        ShortDescription = u.Summary,
        Description = u.Summary,
        CurrentUserPermission = AccessPermission.Viewer,
        CreatedAt = Origin.AddDays(i),
    }).ToList();

    private static CatalogService Demo(string name, string displayName, int order) => new(
        DemoServices.ServiceId(name), name, displayName, ServiceType.Managed, ServiceLifecycle.Published, Origin.AddDays(-1 - order), order, DemoServices.PathOf(name));
}
