using System.Net.Http.Headers;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Tests.Platform;

[TestFixture]
public class DataPoolsTests : EmulatorTestBase
{
    protected override void Configure(KipuHubEmulatorOptions options)
    {
        options.Users.Add(new EmulatorUser("alice", "alice-token"));
        options.Users.Add(new EmulatorUser("bob", "bob-token"));
        options.OrganizationIds.Add("org-owner");
        options.OrganizationIds.Add("org-partner");
        options.OrganizationIds.Add("org-third");
    }

    [Test]
    public async Task Pools_AreCreatedListedUpdatedAndDeleted_InTheirContext()
    {
        using var http = Client("org-owner");
        var pools = new DataPoolsClient(http);

        var pool = await pools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "crud-pool", Description = "d" });
        var updated = await pools.UpdateDataPoolAsync(pool.Id!, new UpdateDataPoolRequest { ShortDescription = "short" });

        Assert.That(pool.CurrentUserPermission, Is.EqualTo(AccessPermission.Owner));
        Assert.That(updated.Name, Is.EqualTo("crud-pool"));
        Assert.That(updated.ShortDescription, Is.EqualTo("short"));
        Assert.That((await pools.GetDataPoolsAsync()).Select(p => p.Id), Does.Contain(pool.Id));
        Api.PlatformFailsWith(409, () => pools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "CRUD-pool" }));
        Api.PlatformFailsWith(400, () => pools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = " " }));
        await pools.DeleteDataPoolAsync(pool.Id!);
        Api.PlatformFailsWith(404, () => pools.GetDataPoolAsync(pool.Id!));
    }

    [Test]
    public async Task Files_UploadAsMultipart_ListAndDownloadByteEqual_ThenDelete()
    {
        using var http = Client("org-owner");
        var pools = new DataPoolsClient(http);
        var pool = await pools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "files-pool" });
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

        var file = await pools.AddDataPoolFileAsync(pool.Id!, "data.bin", new FileParameter(new MemoryStream(bytes), "ignored.bin", "application/x-test"));
        using var download = await pools.GetDataPoolFileAsync(pool.Id!, file.Id!);
        using var copy = new MemoryStream();
        await download.Stream.CopyToAsync(copy);

        Assert.That(file.Name, Is.EqualTo("data.bin"), "the filename query wins over the part's name");
        Assert.That(file.ContentLength, Is.EqualTo(bytes.Length));
        Assert.That(file.ContentType, Is.EqualTo("application/x-test"));
        Assert.That(copy.ToArray(), Is.EqualTo(bytes));
        Assert.That(download.Headers["Content-Length"].Single(), Is.EqualTo(bytes.Length.ToString()));
        Assert.That((await pools.GetDataPoolFilesAsync(pool.Id!)).Single().Id, Is.EqualTo(file.Id));
        Api.PlatformFailsWith(409, () => pools.AddDataPoolFileAsync(pool.Id!, "data.bin", new FileParameter(new MemoryStream([1]))));
        await pools.DeleteDataPoolFileAsync(pool.Id!, file.Id!);
        Api.PlatformFailsWith(404, () => pools.GetDataPoolFileAsync(pool.Id!, file.Id!));
    }

    [Test]
    public async Task Upload_WithoutAFilePart_IsA400_AndOverTheLimit_A413()
    {
        var (hub, _) = await StartAsync(o => o.MaxDataPoolFileBytes = 1000);
        await using var _hub = hub;
        using var http = hub.CreatePlatformHttpClient();
        var pools = new DataPoolsClient(http);
        var pool = await pools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "limits" });

        var notMultipart = await http.PostAsync($"datapools/{pool.Id}/files", new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } });
        var wrongPart = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "other", "x.bin" } };
        var noFile = await http.PostAsync($"datapools/{pool.Id}/files", wrongPart);
        Api.PlatformFailsWith(413, () => pools.AddDataPoolFileAsync(pool.Id!, "big.bin", new FileParameter(new MemoryStream(new byte[2000]))));

        Assert.That((int)notMultipart.StatusCode, Is.EqualTo(400));
        Assert.That((int)noFile.StatusCode, Is.EqualTo(400));
        Assert.That(await noFile.Content.ReadAsStringAsync(), Does.Contain("no part named 'file'"));
        Assert.That(await pools.GetDataPoolFilesAsync(pool.Id!), Is.Empty, "failed uploads leave nothing");
    }

    [Test]
    public async Task SharingWithAnOrganization_MakesThePoolVisibleThereOnly()
    {
        using var owner = Client("org-owner");
        using var partner = Client("org-partner");
        using var third = Client("org-third");
        using var personal = Client();
        var pool = await new DataPoolsClient(owner).CreateDataPoolAsync(new CreateDataPoolRequest { Name = "shared-pool" });

        var share = await new DataPoolSharesClient(owner).CreateDataPoolShareAsync(pool.Id!, new CreateShareRequest { PrincipalId = "org-partner", PrincipalType = PrincipalType.Organization });

        Assert.That(share.Permission, Is.EqualTo(AccessPermission.Viewer));
        var seen = await new DataPoolsClient(partner).GetDataPoolAsync(pool.Id!);
        Assert.That(seen.CurrentUserPermission, Is.EqualTo(AccessPermission.Viewer));
        Assert.That((await new DataPoolsClient(partner).GetDataPoolsAsync()).Select(p => p.Id), Does.Contain(pool.Id));
        foreach (var other in new[] { third, personal })
        {
            Api.PlatformFailsWith(404, () => new DataPoolsClient(other).GetDataPoolAsync(pool.Id!));
            Assert.That((await new DataPoolsClient(other).GetDataPoolsAsync()).Select(p => p.Id), Does.Not.Contain(pool.Id));
        }

        Api.PlatformFailsWith(403, () => new DataPoolsClient(partner).DeleteDataPoolAsync(pool.Id!));
        Api.PlatformFailsWith(403, () => new DataPoolsClient(partner).AddDataPoolFileAsync(pool.Id!, "x", new FileParameter(new MemoryStream([1]))));
        Api.PlatformFailsWith(409, () => new DataPoolSharesClient(owner).CreateDataPoolShareAsync(pool.Id!, new CreateShareRequest { PrincipalId = "org-partner", PrincipalType = PrincipalType.Organization }));
        Api.PlatformFailsWith(400, () => new DataPoolSharesClient(owner).CreateDataPoolShareAsync(pool.Id!, new CreateShareRequest { PrincipalId = "org-nowhere", PrincipalType = PrincipalType.Organization }));

        await new DataPoolSharesClient(owner).UpdateDataPoolShareAsync(pool.Id!, share.Id!, new UpdateShareRequest { Permission = AccessPermission.Maintainer });
        var file = await new DataPoolsClient(partner).AddDataPoolFileAsync(pool.Id!, "by-partner.txt", new FileParameter(new MemoryStream([1, 2])));
        Assert.That(file.Name, Is.EqualTo("by-partner.txt"), "a MAINTAINER may add files");

        await new DataPoolSharesClient(owner).DeleteDataPoolShareAsync(pool.Id!, share.Id!);
        Api.PlatformFailsWith(404, () => new DataPoolsClient(partner).GetDataPoolAsync(pool.Id!));
    }

    [Test]
    public async Task SharingWithAUser_OpensTheirPersonalContext()
    {
        using var alice = Client(token: "alice-token");
        using var bob = Client(token: "bob-token");
        var pool = await new DataPoolsClient(alice).CreateDataPoolAsync(new CreateDataPoolRequest { Name = "alices" });

        Api.PlatformFailsWith(404, () => new DataPoolsClient(bob).GetDataPoolAsync(pool.Id!));
        await new DataPoolSharesClient(alice).CreateDataPoolShareAsync(pool.Id!, new CreateShareRequest { PrincipalId = "bob", PrincipalType = PrincipalType.User });

        Assert.That((await new DataPoolsClient(bob).GetDataPoolAsync(pool.Id!)).Name, Is.EqualTo("alices"));
        Assert.That((await new DataPoolSharesClient(alice).GetDataPoolSharesAsync(pool.Id!)).Single().PrincipalId, Is.EqualTo("bob"));
    }

    [Test]
    public async Task Grants_ReturnTheirTokenOnce()
    {
        using var http = Client("org-owner");
        var pool = await new DataPoolsClient(http).CreateDataPoolAsync(new CreateDataPoolRequest { Name = "granted" });
        var grants = new DataPoolGrantsClient(http);

        var grant = await grants.CreateDataPoolGrantAsync(pool.Id!, new CreateDataPoolGrantRequest { ServiceId = "svc-1", ExpiresInSeconds = 600 });

        Assert.That(grant.Token, Does.StartWith("dpg_"));
        Assert.That(grant.Access, Is.EqualTo(DataPoolGrantAccess.Read));
        Assert.That(grant.ExpiresAt, Is.EqualTo(Time.GetUtcNow().AddSeconds(600)));
        Assert.That((await grants.GetDataPoolGrantAsync(pool.Id!, grant.Id!)).Token, Is.Null);
        Assert.That((await grants.GetDataPoolGrantsAsync(pool.Id!)).Single().Token, Is.Null);
        Api.PlatformFailsWith(400, () => grants.CreateDataPoolGrantAsync(pool.Id!, new CreateDataPoolGrantRequest()));
        Api.PlatformFailsWith(400, () => grants.CreateDataPoolGrantAsync(pool.Id!, new CreateDataPoolGrantRequest { ServiceId = "s", ExpiresInSeconds = 0 }));
        Assert.That(Hub.Requests.Snapshot().SelectMany(r => r.Headers.Values), Has.None.Contains(grant.Token), "grant tokens are never logged");
        await grants.DeleteDataPoolGrantAsync(pool.Id!, grant.Id!);
        Api.PlatformFailsWith(404, () => grants.GetDataPoolGrantAsync(pool.Id!, grant.Id!));
    }

    [Test]
    public async Task StoredFiles_GoAwayWithTheEmulator()
    {
        var (hub, _) = await StartAsync();
        using (var http = hub.CreatePlatformHttpClient())
        {
            var pools = new DataPoolsClient(http);
            var pool = await pools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "temp" });
            await pools.AddDataPoolFileAsync(pool.Id!, "a.bin", new FileParameter(new MemoryStream([1, 2, 3])));
        }

        var directories = Directory.GetDirectories(Path.GetTempPath(), "kipuhub-emulator-*");
        await hub.DisposeAsync();

        Assert.That(directories.Count(Directory.Exists), Is.LessThan(directories.Length), "this emulator's directory was deleted");
    }

    private HttpClient Client(string? organizationId = null, string? token = null)
    {
        var client = new HttpClient { BaseAddress = Hub.PlatformBaseUrl };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token ?? Hub.AccessToken);
        if (organizationId is not null)
        {
            client.DefaultRequestHeaders.Add("X-OrganizationId", organizationId);
        }

        return client;
    }
}
