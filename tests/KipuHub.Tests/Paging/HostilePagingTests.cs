using System.Net;
using System.Web;
using KipuHub.Paging;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Paging;

/// <summary>
/// Paging against servers and proxies that lie (issue 12, item 4): the page number asked for is the only one
/// trusted, and an enumeration ends on an empty page, on the totals, or on a page that repeats the previous one.
/// Every stub refuses to answer more than <see cref="Cap"/> requests, so a runaway enumeration fails instead of hanging.
/// </summary>
[TestFixture]
public class HostilePagingTests
{
    private const int Cap = 50;

    [Test]
    public async Task GetJobs_AgainstAServerIgnoringPage_EndsAfterAtMostTwoRequests()
    {
        // A proxy that drops "?page=": page 0 forever, with totals that promise more.
        var stub = Capped(_ => QuantumPage(ids: ["j-0", "j-1"], page: 0, totalPages: 1000));
        using var client = Hub.Quantum(stub);

        var ids = await Collect(client.GetJobsAsync(pageSize: 2), j => j.Id!);

        Assert.That(ids, Is.EqualTo(new[] { "j-0", "j-1" }), "the repeated page adds nothing");
        Assert.That(stub.Requests, Has.Count.LessThanOrEqualTo(2));
    }

    [Test]
    public async Task GetWorkloads_AgainstAServerIgnoringPage_WithoutTotals_EndsAfterAtMostTwoRequests()
    {
        var stub = Capped(_ => QuantumPage(ids: ["w-0", "w-1"], page: null, totalPages: null));
        using var client = Hub.Quantum(stub);

        var ids = await Collect(client.GetWorkloadsAsync(pageSize: 2), w => w.Id!);

        Assert.That(ids, Is.EqualTo(new[] { "w-0", "w-1" }));
        Assert.That(stub.Requests, Has.Count.LessThanOrEqualTo(2));
    }

    [Test]
    public async Task PlatformPageable_AgainstAServerIgnoringPage_EndsAfterAtMostTwoRequests()
    {
        var stub = Capped(_ => StubHandler.Json(HttpStatusCode.OK, """{"content":[{"id":"s0","name":"a"},{"id":"s1","name":"b"}],"page":0,"size":2,"totalElements":10,"totalPages":5}"""));
        using var client = Hub.Platform(stub);

        var names = await Collect(client.Services.ListServicesPageable(pageSize: 2), s => s.Name!);

        Assert.That(names, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(stub.Requests, Has.Count.LessThanOrEqualTo(2));
    }

    [Test]
    public async Task GetJobs_DoesNotTrustThePageNumberInTheResponse()
    {
        // Honest content for the page asked for, but every response claims to be page 0.
        var stub = Capped(request =>
        {
            var page = RequestedPage(request);
            return QuantumPage(ids: [$"j-{2 * page}", $"j-{2 * page + 1}"], page: 0, totalPages: 3);
        });
        using var client = Hub.Quantum(stub);

        var pages = new List<Page<Generated.Quantum.Job>>();
        await foreach (var page in client.GetJobsAsync(pageSize: 2).AsPages())
        {
            pages.Add(page);
        }

        Assert.That(pages.Select(p => p.PageNumber), Is.EqualTo(new[] { 0, 1, 2 }), "the numbers asked for, not the ones claimed");
        Assert.That(pages.SelectMany(p => p.Values).Select(j => j.Id), Is.EqualTo(new[] { "j-0", "j-1", "j-2", "j-3", "j-4", "j-5" }));
        Assert.That(stub.Requests.Select(r => HttpUtility.ParseQueryString(r.Uri.Query)["page"]), Is.EqualTo(new[] { "0", "1", "2" }));
    }

    [Test]
    public async Task GetJobs_AResponseClaimingALaterPage_DoesNotEndTheListingEarly()
    {
        // Page 0 claims to be page 99 of 3: the listing still goes on to pages 1 and 2.
        var stub = Capped(request =>
        {
            var page = RequestedPage(request);
            return QuantumPage(ids: [$"j-{page}"], page: 99, totalPages: 3);
        });
        using var client = Hub.Quantum(stub);

        var ids = await Collect(client.GetJobsAsync(pageSize: 1), j => j.Id!);

        Assert.That(ids, Is.EqualTo(new[] { "j-0", "j-1", "j-2" }));
        Assert.That(stub.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task GetJobs_AnEmptyPageStops_EvenWhenTheTotalsPromiseMore()
    {
        var stub = Capped(request => RequestedPage(request) == 0
            ? QuantumPage(ids: ["j-0", "j-1"], page: 0, totalPages: 10)
            : QuantumPage(ids: [], page: RequestedPage(request), totalPages: 10));
        using var client = Hub.Quantum(stub);

        var ids = await Collect(client.GetJobsAsync(pageSize: 2), j => j.Id!);

        Assert.That(ids, Is.EqualTo(new[] { "j-0", "j-1" }));
        Assert.That(stub.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetJobs_TotalPagesStops_AServerThatWouldAnswerForever()
    {
        // Every page is full and new, whatever is asked: only total_pages = 3 ends it.
        var stub = Capped(request =>
        {
            var page = RequestedPage(request);
            return QuantumPage(ids: [$"j-{2 * page}", $"j-{2 * page + 1}"], page: page, totalPages: 3);
        });
        using var client = Hub.Quantum(stub);

        var ids = await Collect(client.GetJobsAsync(pageSize: 2), j => j.Id!);

        Assert.That(ids, Has.Count.EqualTo(6));
        Assert.That(stub.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task PlatformPageable_TotalPagesStops_AServerThatWouldAnswerForever()
    {
        var stub = Capped(request =>
        {
            var page = RequestedPage(request);
            return StubHandler.Json(HttpStatusCode.OK, $$"""{"content":[{"id":"s{{page}}","name":"n{{page}}"}],"page":{{page}},"size":1,"totalPages":4}""");
        });
        using var client = Hub.Platform(stub);

        var names = await Collect(client.Algorithms.ListAlgorithmsPageable(pageSize: 1), a => a.Name!);

        Assert.That(names, Is.EqualTo(new[] { "n0", "n1", "n2", "n3" }));
        Assert.That(stub.Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task ACustomFetchFunction_ThatRepeatsItsPage_EndsToo()
    {
        var calls = 0;
        var items = new[] { "x", "y" };
        var pageable = new AsyncPageable<string>((_, size, _) =>
        {
            calls++;
            Assert.That(calls, Is.LessThanOrEqualTo(Cap), "runaway enumeration");
            return Task.FromResult(new Page<string>(items, 0, size, null, 100));
        }, 2);

        var seen = await Collect(pageable, s => s);

        Assert.That(seen, Is.EqualTo(items));
        Assert.That(calls, Is.EqualTo(2));
    }

    private static async Task<List<TOut>> Collect<T, TOut>(AsyncPageable<T> pageable, Func<T, TOut> select)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<TOut>();
        await foreach (var item in pageable.WithCancellation(timeout.Token))
        {
            seen.Add(select(item));
        }

        return seen;
    }

    private static int RequestedPage(HttpRequestMessage request) =>
        int.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static StubHandler Capped(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var count = 0;
        return new StubHandler(request => Interlocked.Increment(ref count) > Cap
            ? throw new InvalidOperationException($"More than {Cap} page requests: the enumeration runs away.")
            : respond(request));
    }

    private static HttpResponseMessage QuantumPage(string[] ids, int? page, int? totalPages)
    {
        var content = string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","status":"COMPLETED"}"""));
        var pageJson = page is { } p ? $"\"page\":{p}," : "";
        var totals = totalPages is { } t ? $",\"total_pages\":{t},\"total_elements\":{t * Math.Max(1, ids.Length)}" : "";
        return StubHandler.Json(HttpStatusCode.OK, $"{{\"content\":[{content}],{pageJson}\"size\":{Math.Max(1, ids.Length)}{totals}}}");
    }
}
