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

    /// <summary>The seeded algorithms and use cases: a table in <c>Platform/catalog-seed.json</c>, embedded at build time.</summary>
    private static readonly Lazy<JObject> Seed = new(() => EmbeddedJson.Read("KipuHub.Emulator.catalog-seed.json", "Platform/catalog-seed.json"));

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

    public static IReadOnlyList<AlgorithmDto> Algorithms() => Rows("algorithms").Select((a, i) => new AlgorithmDto
    {
        Id = "a1600000-0000-4000-8000-" + (i + 1).ToString("D12", CultureInfo.InvariantCulture),
        Name = Text(a, "name"),
        Acronym = Text(a, "acronym"),
        Problem = Text(a, "problem"),
        Intent = "Solve " + Text(a, "problem").ToLowerInvariant() + ".",
        ComputationModel = new ComputationModel(Text(a, "computationModel")),
        CurrentUserPermission = AccessPermission.Viewer,
        CreatedAt = Origin.AddDays(i),
        ModifiedAt = Origin.AddDays(i),
    }).ToList();

    public static IReadOnlyList<UseCaseDto> UseCases() => Rows("useCases").Select((u, i) => new UseCaseDto
    {
        Id = "0ca5e000-0000-4000-8000-" + (i + 1).ToString("D12", CultureInfo.InvariantCulture),
        Title = Text(u, "title"),
        ShortDescription = Text(u, "summary"),
        Description = Text(u, "summary"),
        CurrentUserPermission = AccessPermission.Viewer,
        CreatedAt = Origin.AddDays(i),
    }).ToList();

    private static IEnumerable<JObject> Rows(string table) => ((JArray)Seed.Value[table]!).Cast<JObject>();

    private static string Text(JObject row, string field) => row.Value<string>(field)!;

    private static CatalogService Demo(string name, string displayName, int order) => new(
        DemoServices.ServiceId(name), name, displayName, ServiceType.Managed, ServiceLifecycle.Published, Origin.AddDays(-1 - order), order, DemoServices.PathOf(name));
}
