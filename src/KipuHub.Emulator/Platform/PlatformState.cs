using KipuHub.Emulator.Quantum;
using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>The Platform API's state: the fixed catalog, and the data pools, applications and subscriptions callers create.</summary>
internal sealed class PlatformState : IDisposable
{
    public PlatformState(int seededServices)
    {
        Services = CatalogSeed.Services(seededServices);
        ServicesById = Services.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Algorithms = CatalogSeed.Algorithms();
        UseCases = CatalogSeed.UseCases();
    }

    public IReadOnlyList<CatalogService> Services { get; }

    public IReadOnlyDictionary<string, CatalogService> ServicesById { get; }

    public IReadOnlyList<AlgorithmDto> Algorithms { get; }

    public IReadOnlyList<UseCaseDto> UseCases { get; }

    public OwnedStore<DataPoolRecord> DataPools { get; } = new();

    public OwnedStore<ApplicationRecord> Applications { get; } = new();

    public OwnedStore<SubscriptionRecord> Subscriptions { get; } = new();

    public FileStorage Files { get; } = new();

    public void Dispose() => Files.Dispose();
}
