using System.Net;
using System.Web;
using KipuHub.Generated.Platform;
using KipuHub.Paging;
using KipuHub.Tests.Support;
using Moq;

namespace KipuHub.Tests.Paging;

[TestFixture]
public class PlatformPagingTests
{
    [Test]
    public async Task Services_AreEnumeratedPageByPage_AndStopAtTheLastPage()
    {
        var stub = PagedServices(total: 5, reportTotals: true);
        using var client = Hub.Platform(stub, o => o.OrganizationId = "org-1");

        var names = new List<string>();
        await foreach (var service in client.Services.ListServicesPageable(pageSize: 2, sort: ["name,asc"], search: "svc"))
        {
            names.Add(service.Name!);
        }

        Assert.That(names, Is.EqualTo(new[] { "svc-0", "svc-1", "svc-2", "svc-3", "svc-4" }));
        Assert.That(stub.Requests, Has.Count.EqualTo(3), "totalPages = 3: no fourth request");
        var queries = stub.Requests.Select(r => HttpUtility.ParseQueryString(r.Uri.Query)).ToList();
        Assert.That(queries.Select(q => q["page"]), Is.EqualTo(new[] { "0", "1", "2" }));
        Assert.That(queries.Select(q => q["size"]), Is.All.EqualTo("2"));
        Assert.That(queries.Select(q => q["sort"]), Is.All.EqualTo("name,asc"));
        Assert.That(queries.Select(q => q["search"]), Is.All.EqualTo("svc"));
        Assert.That(stub.Requests.Select(r => r.Header("X-OrganizationId")), Is.All.EqualTo("org-1"));
    }

    [Test]
    public async Task WithoutTotals_AShortPageIsTheLast()
    {
        var stub = PagedServices(total: 5, reportTotals: false);
        using var client = Hub.Platform(stub);

        var count = 0;
        await foreach (var _ in client.Services.ListServicesPageable(pageSize: 2))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(5));
        Assert.That(stub.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task WithoutTotals_AFullLastPageIsFollowedByOneEmptyPage()
    {
        var stub = PagedServices(total: 4, reportTotals: false);
        using var client = Hub.Platform(stub);

        var count = 0;
        await foreach (var _ in client.Services.ListServicesPageable(pageSize: 2))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(4));
        Assert.That(stub.Requests, Has.Count.EqualTo(3), "pages 0 and 1 are full, page 2 is empty and ends it");
    }

    [Test]
    public async Task Enumeration_IsLazy_AndAsPagesGivesTotals()
    {
        var stub = PagedServices(total: 25, reportTotals: true);
        using var client = Hub.Platform(stub);
        var pageable = client.Services.ListServicesPageable(pageSize: 10);

        Assert.That(stub.Requests, Is.Empty, "nothing is fetched before enumeration");
        await foreach (var _ in pageable)
        {
            break;
        }

        Assert.That(stub.Requests, Has.Count.EqualTo(1));
        var pages = new List<Page<ServiceDto>>();
        await foreach (var page in pageable.AsPages())
        {
            pages.Add(page);
        }

        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 10, 10, 5 }));
        Assert.That(pages.Select(p => p.TotalElements), Is.All.EqualTo(25));
        Assert.That(pages.Select(p => p.PageNumber), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void CancellingTheCapturedToken_StopsBeforeTheNextPage()
    {
        var stub = PagedServices(total: 25, reportTotals: true);
        using var client = Hub.Platform(stub);
        using var cts = new CancellationTokenSource();

        Assert.That(async () =>
        {
            await foreach (var _ in client.Services.ListServicesPageable(pageSize: 10, cancellationToken: cts.Token))
            {
                cts.Cancel();
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void CancellingTheEnumerationToken_StopsToo()
    {
        var stub = PagedServices(total: 25, reportTotals: true);
        using var client = Hub.Platform(stub);
        using var cts = new CancellationTokenSource();

        Assert.That(async () =>
        {
            await foreach (var _ in client.Services.ListServicesPageable(pageSize: 10).WithCancellation(cts.Token))
            {
                cts.Cancel();
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void AFailingPage_SurfacesTheFacadesError()
    {
        var stub = new StubHandler(request => HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"] == "0"
            ? StubHandler.Json(HttpStatusCode.OK, """{"content":[{"name":"a"},{"name":"b"}],"page":0,"size":2,"totalElements":4,"totalPages":2}""")
            : StubHandler.Json(HttpStatusCode.Forbidden, """{"message":"not yours"}"""));
        using var client = Hub.Platform(stub);

        var seen = new List<string>();
        var ex = Assert.CatchAsync<ForbiddenException>(async () =>
        {
            await foreach (var item in client.Algorithms.ListAlgorithmsPageable(pageSize: 2))
            {
                seen.Add(item.Name!);
            }
        });

        Assert.That(seen, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(ex!.Message, Does.Contain("Algorithms.ListAlgorithmsAsync"));
    }

    [Test]
    public async Task Pageables_WorkOverMockedNamespaces()
    {
        var useCases = new Mock<IUseCasesClient>();
        useCases.Setup(u => u.ListUseCasesAsync(0, 5, null, "chem", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PageUseCaseDto { Content = [new UseCaseDto { Title = "chemistry" }], Page = 0, Size = 5, TotalElements = 1, TotalPages = 1 });

        var titles = new List<string>();
        await foreach (var useCase in useCases.Object.ListUseCasesPageable(pageSize: 5, title: "chem"))
        {
            titles.Add(useCase.Title!);
        }

        Assert.That(titles, Is.EqualTo(new[] { "chemistry" }));
    }

    [Test]
    public void NonPositivePageSize_IsRefused() =>
        Assert.That(() => Mock.Of<IServicesClient>().ListServicesPageable(pageSize: 0), Throws.TypeOf<ArgumentOutOfRangeException>());

    /// <summary>A catalog of <paramref name="total"/> services answering the page and size it is asked for.</summary>
    private static StubHandler PagedServices(int total, bool reportTotals) => new(request =>
    {
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var page = int.Parse(query["page"] ?? "0");
        var size = int.Parse(query["size"] ?? "20");
        var content = Enumerable.Range(page * size, Math.Max(0, Math.Min(size, total - page * size)))
            .Select(i => new ServiceDto { Id = "s" + i, Name = "svc-" + i }).ToList();
        var body = new PageServiceDto { Content = content, Page = page, Size = size };
        if (reportTotals)
        {
            body.TotalElements = total;
            body.TotalPages = (total + size - 1) / size;
        }

        return StubHandler.Json(HttpStatusCode.OK, Newtonsoft.Json.JsonConvert.SerializeObject(body));
    });
}
