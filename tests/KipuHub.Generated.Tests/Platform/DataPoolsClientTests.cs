using System.Net;
using KipuHub.Generated.Platform;
using KipuHub.Generated.Tests.Support;

namespace KipuHub.Generated.Tests.Platform;

[TestFixture]
public class DataPoolsClientTests : PlatformTestBase
{
    private DataPoolsClient Client => new(Hub.Http);

    [Test]
    public async Task GetDataPools_reads_the_bare_array_of_camelCase_data_pools()
    {
        Expect(HttpMethod.Get, "datapools").Respond(_ => Json($"[{PlatformJson.DataPool}]"));

        var pools = await Client.GetDataPoolsAsync();

        AssertAccepts("application/json");
        var pool = pools.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pool.Id, Is.EqualTo("dp1"));
            Assert.That(pool.Name, Is.EqualTo("molecules"));
            Assert.That(pool.ShortDescription, Is.EqualTo("H2 and LiH"));
            Assert.That(pool.Description, Is.EqualTo("Geometries"));
            Assert.That(pool.CurrentUserPermission, Is.EqualTo(AccessPermission.Owner));
            Assert.That(pool.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task CreateDataPool_posts_name_and_description_and_maps_201()
    {
        Expect(HttpMethod.Post, "datapools").Respond(_ => Json(PlatformJson.DataPool, HttpStatusCode.Created));

        var pool = await Client.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "molecules", Description = "Geometries" });

        AssertJsonBody("""{"name":"molecules","description":"Geometries"}""");
        Assert.That(pool.Id, Is.EqualTo("dp1"));
    }

    [Test]
    public void CreateDataPool_conflict_409_keeps_status_headers_and_body()
    {
        Expect(HttpMethod.Post, "datapools").Respond(_ => ErrorResponse(HttpStatusCode.Conflict, """{"errorMessage":"A data pool named 'molecules' already exists"}"""));

        var ex = Assert.ThrowsAsync<PlatformApiException>(() => Client.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "molecules" }));

        Assert.That(ex!.StatusCode, Is.EqualTo(409));
        Assert.That(ex.Response, Is.EqualTo("""{"errorMessage":"A data pool named 'molecules' already exists"}"""));
        Assert.That(ex.Headers.Header("X-Request-Id"), Is.EqualTo("req-42"));
        Assert.That(ex.Headers.Header("Retry-After"), Is.EqualTo("3"));
        Assert.That(ex.Headers.Header("Content-Type"), Does.StartWith("application/json"));
    }

    [Test]
    public async Task GetDataPool_gets_by_id()
    {
        Expect(HttpMethod.Get, "datapools/dp1").Respond(_ => Json(PlatformJson.DataPool));
        var pool = await Client.GetDataPoolAsync("dp1");
        Assert.That(pool.Name, Is.EqualTo("molecules"));
    }

    [Test]
    public async Task GetDataPool_escapes_the_id_in_the_path()
    {
        Expect(HttpMethod.Get, "datapools/a%2Fb").Respond(_ => Json(PlatformJson.DataPool));
        await Client.GetDataPoolAsync("a/b");
        Assert.That(Sent.Request.RequestUri!.AbsoluteUri, Is.EqualTo(MockHub.PlatformBase + "datapools/a%2Fb"));
    }

    [Test]
    public async Task UpdateDataPool_puts_only_the_fields_that_are_set()
    {
        Expect(HttpMethod.Put, "datapools/dp1").Respond(_ => Json(PlatformJson.DataPool));

        var pool = await Client.UpdateDataPoolAsync("dp1", new UpdateDataPoolRequest { ShortDescription = "H2 and LiH" });

        AssertJsonBody("""{"shortDescription":"H2 and LiH"}""");
        Assert.That(pool.ShortDescription, Is.EqualTo("H2 and LiH"));
    }

    [Test]
    public async Task DeleteDataPool_sends_DELETE_and_accepts_204()
    {
        Expect(HttpMethod.Delete, "datapools/dp1").Respond(_ => NoContent());
        await Client.DeleteDataPoolAsync("dp1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task GetDataPoolFiles_maps_file_metadata_with_a_64_bit_length()
    {
        Expect(HttpMethod.Get, "datapools/dp1/files").Respond(_ => Json($"[{PlatformJson.DataPoolFile}]"));

        var file = (await Client.GetDataPoolFilesAsync("dp1")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(file.Id, Is.EqualTo("f1"));
            Assert.That(file.DataPoolId, Is.EqualTo("dp1"));
            Assert.That(file.Name, Is.EqualTo("h2.csv"));
            Assert.That(file.FullPath, Is.EqualTo("/h2.csv"));
            Assert.That(file.ContentType, Is.EqualTo("text/csv"));
            Assert.That(file.ContentLength, Is.EqualTo(5_368_709_120L));
            Assert.That(file.CreatedAt, Is.EqualTo(PlatformJson.At0800.AddMinutes(1)));
        });
    }

    [Test]
    public async Task AddDataPoolFile_uploads_one_multipart_part_named_file_with_its_file_name_and_bytes()
    {
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i % 256)).ToArray();
        IReadOnlyList<(string? Name, string? FileName, string? ContentType, byte[] Bytes)> parts = [];
        Expect(HttpMethod.Post, "datapools/dp1/files", "filename=renamed.csv").Respond(async request =>
        {
            parts = await ReadPartsAsync(request);
            return Json(PlatformJson.DataPoolFile, HttpStatusCode.Created);
        });

        var file = await Client.AddDataPoolFileAsync("dp1", "renamed.csv", new FileParameter(new MemoryStream(bytes), "h2.csv", "text/csv"));

        Assert.That(Sent.Request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("multipart/form-data"));
        var part = parts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(part.Name, Is.EqualTo("file"));
            Assert.That(part.FileName, Is.EqualTo("h2.csv"));
            Assert.That(part.ContentType, Is.EqualTo("text/csv"));
            Assert.That(part.Bytes, Is.EqualTo(bytes));
        });
        Assert.That(file.Id, Is.EqualTo("f1"));
    }

    [Test]
    public async Task AddDataPoolFile_without_a_filename_sends_no_query_and_accepts_200()
    {
        Expect(HttpMethod.Post, "datapools/dp1/files").Respond(_ => Json(PlatformJson.DataPoolFile));
        var file = await Client.AddDataPoolFileAsync("dp1", file: new FileParameter(new MemoryStream([1, 2, 3]), "x.bin"));
        Assert.That(file.Name, Is.EqualTo("h2.csv"));
    }

    [Test]
    public void AddDataPoolFile_requires_the_file()
    {
        Assert.ThrowsAsync<ArgumentNullException>(() => Client.AddDataPoolFileAsync("dp1", "x"));
    }

    [Test]
    public async Task GetDataPoolFile_streams_the_download_without_buffering()
    {
        const long size = 8 * 1024 * 1024;
        var source = new CountingStream(size);
        Expect(HttpMethod.Get, "datapools/dp1/files/f1").Respond(_ => Bytes(source, "text/csv"));

        using var file = await Client.GetDataPoolFileAsync("dp1", "f1");

        AssertAccepts("*/*");   // the file comes back in its own media type
        Assert.That(source.BytesRead, Is.LessThan(size / 8), "the response must not be buffered before the caller reads it");
        Assert.That(file.StatusCode, Is.EqualTo(200));
        Assert.That(file.Headers["Content-Type"].Single(), Does.StartWith("text/csv"));
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read, chunks = 0;
        while ((read = await file.Stream.ReadAsync(buffer)) > 0)
        {
            Assert.That(buffer[read - 1], Is.EqualTo(CountingStream.ExpectedByteAt(total + read - 1)));
            total += read;
            chunks++;
        }
        Assert.That(total, Is.EqualTo(size));
        Assert.That(chunks, Is.GreaterThan(1));
    }

    [Test]
    public void GetDataPoolFile_of_another_organization_is_a_404_with_its_body()
    {
        Expect(HttpMethod.Get, "datapools/dp1/files/f1").Respond(_ => ErrorResponse(HttpStatusCode.NotFound, """{"errorMessage":"not found"}"""));
        var ex = Assert.ThrowsAsync<PlatformApiException>(() => Client.GetDataPoolFileAsync("dp1", "f1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(404));
        Assert.That(ex.Response, Does.Contain("not found"));
    }

    [Test]
    public async Task DeleteDataPoolFile_accepts_200_without_a_body()
    {
        Expect(HttpMethod.Delete, "datapools/dp1/files/f1").Respond(HttpStatusCode.OK);
        await Client.DeleteDataPoolFileAsync("dp1", "f1");
        Assert.That(Sent.Request.RequestUri!.AbsolutePath, Is.EqualTo("/qc-catalog/datapools/dp1/files/f1"));
    }
}

[TestFixture]
public class DataPoolGrantsClientTests : PlatformTestBase
{
    private const string GrantJson = """
        {"id":"g1","dataPoolId":"dp1","serviceId":"svc1","serviceExecutionId":"se1","access":"READ","token":"eyJhbGciOi","expiresAt":"2026-11-24T09:00:00Z","createdAt":"2026-11-24T08:00:00Z"}
        """;

    private DataPoolGrantsClient Client => new(Hub.Http);

    [Test]
    public async Task GetDataPoolGrants_lists_the_grants_of_a_pool()
    {
        Expect(HttpMethod.Get, "datapools/dp1/grants").Respond(_ => Json($"[{GrantJson}]"));
        var grant = (await Client.GetDataPoolGrantsAsync("dp1")).Single();
        Assert.That(grant.Access, Is.EqualTo(DataPoolGrantAccess.Read));
        Assert.That(grant.ExpiresAt, Is.EqualTo(PlatformJson.At0800.AddHours(1)));
    }

    [Test]
    public async Task CreateDataPoolGrant_posts_who_and_how_long_and_returns_the_token()
    {
        Expect(HttpMethod.Post, "datapools/dp1/grants").Respond(_ => Json(GrantJson, HttpStatusCode.Created));

        var grant = await Client.CreateDataPoolGrantAsync("dp1", new CreateDataPoolGrantRequest { ServiceExecutionId = "se1", Access = DataPoolGrantAccess.Read, ExpiresInSeconds = 3600 });

        AssertJsonBody("""{"serviceExecutionId":"se1","access":"READ","expiresInSeconds":3600}""");
        Assert.Multiple(() =>
        {
            Assert.That(grant.Id, Is.EqualTo("g1"));
            Assert.That(grant.DataPoolId, Is.EqualTo("dp1"));
            Assert.That(grant.ServiceId, Is.EqualTo("svc1"));
            Assert.That(grant.ServiceExecutionId, Is.EqualTo("se1"));
            Assert.That(grant.Token, Is.EqualTo("eyJhbGciOi"));
            Assert.That(grant.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task GetDataPoolGrant_gets_one_grant()
    {
        Expect(HttpMethod.Get, "datapools/dp1/grants/g1").Respond(_ => Json(GrantJson));
        Assert.That((await Client.GetDataPoolGrantAsync("dp1", "g1")).Id, Is.EqualTo("g1"));
    }

    [Test]
    public async Task DeleteDataPoolGrant_revokes_with_DELETE()
    {
        Expect(HttpMethod.Delete, "datapools/dp1/grants/g1").Respond(_ => NoContent());
        await Client.DeleteDataPoolGrantAsync("dp1", "g1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }
}

[TestFixture]
public class DataPoolSharesClientTests : PlatformTestBase
{
    private DataPoolSharesClient Client => new(Hub.Http);

    [Test]
    public async Task GetDataPoolShares_lists_principals()
    {
        Expect(HttpMethod.Get, "datapools/dp1/shares").Respond(_ => Json($"[{PlatformJson.Share}]"));
        var share = (await Client.GetDataPoolSharesAsync("dp1")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(share.Id, Is.EqualTo("sh1"));
            Assert.That(share.DataPoolId, Is.EqualTo("dp1"));
            Assert.That(share.PrincipalId, Is.EqualTo("org-2"));
            Assert.That(share.PrincipalType, Is.EqualTo(PrincipalType.Organization));
            Assert.That(share.PrincipalName, Is.EqualTo("Acme"));
            Assert.That(share.Permission, Is.EqualTo(AccessPermission.Maintainer));
            Assert.That(share.CreatedAt, Is.EqualTo(PlatformJson.At0800.AddMinutes(2)));
        });
    }

    [Test]
    public async Task CreateDataPoolShare_posts_the_principal_and_permission()
    {
        Expect(HttpMethod.Post, "datapools/dp1/shares").Respond(_ => Json(PlatformJson.Share, HttpStatusCode.Created));

        var share = await Client.CreateDataPoolShareAsync("dp1", new CreateShareRequest { PrincipalId = "org-2", PrincipalType = PrincipalType.Organization, Permission = AccessPermission.Maintainer });

        AssertJsonBody("""{"principalId":"org-2","principalType":"ORGANIZATION","permission":"MAINTAINER"}""");
        Assert.That(share.Id, Is.EqualTo("sh1"));
    }

    [Test]
    public void CreateDataPoolShare_twice_is_a_409()
    {
        Expect(HttpMethod.Post, "datapools/dp1/shares").Respond(_ => ErrorResponse(HttpStatusCode.Conflict, "already shared", "text/plain"));
        var ex = Assert.ThrowsAsync<PlatformApiException>(() => Client.CreateDataPoolShareAsync("dp1", new CreateShareRequest { PrincipalId = "u2", PrincipalType = PrincipalType.User }));
        Assert.That(ex!.StatusCode, Is.EqualTo(409));
        Assert.That(ex.Response, Is.EqualTo("already shared"));
    }

    [Test]
    public async Task UpdateDataPoolShare_puts_the_new_permission()
    {
        Expect(HttpMethod.Put, "datapools/dp1/shares/sh1").Respond(_ => Json(PlatformJson.Share));
        await Client.UpdateDataPoolShareAsync("dp1", "sh1", new UpdateShareRequest { Permission = AccessPermission.Viewer });
        AssertJsonBody("""{"permission":"VIEWER"}""");
    }

    [Test]
    public async Task DeleteDataPoolShare_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "datapools/dp1/shares/sh1").Respond(_ => NoContent());
        await Client.DeleteDataPoolShareAsync("dp1", "sh1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }
}
