using System.Net;
using KipuHub.Generated.Platform;
using KipuHub.Generated.Tests.Support;

namespace KipuHub.Generated.Tests.Platform;

[TestFixture]
public class AlgorithmsClientTests : PlatformTestBase
{
    private AlgorithmsClient Client => new(Hub.Http);

    [Test]
    public async Task ListAlgorithms_pages_with_search_and_maps_algorithms()
    {
        Expect(HttpMethod.Get, "algorithms", "page=1&size=10&sort=name%2Casc&search=grover")
            .Respond(_ => Json(PlatformJson.Page(PlatformJson.Algorithm, page: 1, size: 10, total: 11, pages: 2)));

        var page = await Client.ListAlgorithmsAsync(1, 10, ["name,asc"], "grover");

        Assert.That(page.Page, Is.EqualTo(1));
        Assert.That(page.TotalPages, Is.EqualTo(2));
        var algorithm = page.Content!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(algorithm.Id, Is.EqualTo("alg1"));
            Assert.That(algorithm.Name, Is.EqualTo("Grover"));
            Assert.That(algorithm.Acronym, Is.EqualTo("GA"));
            Assert.That(algorithm.Intent, Is.EqualTo("Search"));
            Assert.That(algorithm.Problem, Is.EqualTo("Unstructured search"));
            Assert.That(algorithm.Description, Is.EqualTo("Quadratic speed-up"));
            Assert.That(algorithm.ComputationModel, Is.EqualTo(ComputationModel.Quantum));
            Assert.That(algorithm.CurrentUserPermission, Is.EqualTo(AccessPermission.Viewer));
            Assert.That(algorithm.ModifiedAt, Is.EqualTo(PlatformJson.At0800.AddDays(1)));
        });
    }

    [Test]
    public async Task CreateAlgorithm_posts_the_algorithm()
    {
        Expect(HttpMethod.Post, "algorithms").Respond(_ => Json(PlatformJson.Algorithm, HttpStatusCode.Created));
        var algorithm = await Client.CreateAlgorithmAsync(new CreateAlgorithmRequest { Name = "Grover", Acronym = "GA", ComputationModel = ComputationModel.Quantum });
        AssertJsonBody("""{"name":"Grover","acronym":"GA","computationModel":"QUANTUM"}""");
        Assert.That(algorithm.Id, Is.EqualTo("alg1"));
    }

    [Test]
    public async Task GetAlgorithm_gets_one()
    {
        Expect(HttpMethod.Get, "algorithms/alg1").Respond(_ => Json(PlatformJson.Algorithm));
        Assert.That((await Client.GetAlgorithmAsync("alg1")).Name, Is.EqualTo("Grover"));
    }

    [Test]
    public async Task UpdateAlgorithm_puts_the_changes()
    {
        Expect(HttpMethod.Put, "algorithms/alg1").Respond(_ => Json(PlatformJson.Algorithm));
        await Client.UpdateAlgorithmAsync("alg1", new UpdateAlgorithmRequest { Intent = "Search", ComputationModel = ComputationModel.Hybrid });
        AssertJsonBody("""{"intent":"Search","computationModel":"HYBRID"}""");
    }

    [Test]
    public async Task DeleteAlgorithm_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "algorithms/alg1").Respond(_ => NoContent());
        await Client.DeleteAlgorithmAsync("alg1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }
}

[TestFixture]
public class ImplementationsClientTests : PlatformTestBase
{
    private ImplementationsClient Client => new(Hub.Http);

    [Test]
    public async Task ListImplementations_pages_and_maps_implementations()
    {
        Expect(HttpMethod.Get, "implementations", "page=0&size=5&search=qiskit").Respond(_ => Json(PlatformJson.Page(PlatformJson.Implementation, size: 5)));
        var implementation = (await Client.ListImplementationsAsync(0, 5, search: "qiskit")).Content!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(implementation.Id, Is.EqualTo("impl1"));
            Assert.That(implementation.Name, Is.EqualTo("Grover in Qiskit"));
            Assert.That(implementation.ImplementedAlgorithmId, Is.EqualTo("alg1"));
            Assert.That(implementation.Technology, Is.EqualTo("Qiskit"));
            Assert.That(implementation.Version, Is.EqualTo("1.2"));
            Assert.That(implementation.Description, Is.EqualTo("Textbook"));
            Assert.That(implementation.CurrentUserPermission, Is.EqualTo(AccessPermission.Owner));
            Assert.That(implementation.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task CreateImplementation_posts_the_implementation()
    {
        Expect(HttpMethod.Post, "implementations").Respond(_ => Json(PlatformJson.Implementation, HttpStatusCode.Created));
        await Client.CreateImplementationAsync(new CreateImplementationRequest { Name = "Grover in Qiskit", ImplementedAlgorithmId = "alg1", Technology = "Qiskit" });
        AssertJsonBody("""{"name":"Grover in Qiskit","implementedAlgorithmId":"alg1","technology":"Qiskit"}""");
    }

    [Test]
    public async Task GetImplementation_gets_one()
    {
        Expect(HttpMethod.Get, "implementations/impl1").Respond(_ => Json(PlatformJson.Implementation));
        Assert.That((await Client.GetImplementationAsync("impl1")).Technology, Is.EqualTo("Qiskit"));
    }

    [Test]
    public async Task UpdateImplementation_puts_the_changes()
    {
        Expect(HttpMethod.Put, "implementations/impl1").Respond(_ => Json(PlatformJson.Implementation));
        await Client.UpdateImplementationAsync("impl1", new UpdateImplementationRequest { Version = "1.3" });
        AssertJsonBody("""{"version":"1.3"}""");
    }

    [Test]
    public async Task DeleteImplementation_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "implementations/impl1").Respond(_ => NoContent());
        await Client.DeleteImplementationAsync("impl1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task ListAlgorithmImplementations_pages_under_the_algorithm()
    {
        Expect(HttpMethod.Get, "algorithms/alg1/implementations", "page=0&size=20").Respond(_ => Json(PlatformJson.Page(PlatformJson.Implementation)));
        var page = await Client.ListAlgorithmImplementationsAsync("alg1", 0, 20);
        Assert.That(page.Content!.Single().ImplementedAlgorithmId, Is.EqualTo("alg1"));
    }

    [Test]
    public async Task ListImplementationFiles_maps_the_files()
    {
        Expect(HttpMethod.Get, "algorithms/alg1/implementations/impl1/files").Respond(_ => Json(PlatformJson.Page("""
            {"id":"file1","name":"grover.py","mimeType":"text/x-python","fileURL":"https://files/grover.py","creationDate":"2026-11-24T08:00:00Z","lastModifiedAt":"2026-11-24T10:00:00Z"}
            """)));
        var file = (await Client.ListImplementationFilesAsync("alg1", "impl1")).Content!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(file.Id, Is.EqualTo("file1"));
            Assert.That(file.Name, Is.EqualTo("grover.py"));
            Assert.That(file.MimeType, Is.EqualTo("text/x-python"));
            Assert.That(file.FileURL, Is.EqualTo("https://files/grover.py"));
            Assert.That(file.CreationDate, Is.EqualTo(PlatformJson.At0800));
            Assert.That(file.LastModifiedAt, Is.EqualTo(PlatformJson.At0800.AddHours(2)));
        });
    }

    [Test]
    public async Task GetImplementationFileContent_streams_the_file()
    {
        var source = new CountingStream(3 * 1024 * 1024);
        Expect(HttpMethod.Get, "algorithms/alg1/implementations/impl1/files/file1/content").Respond(_ => Bytes(source));
        using var file = await Client.GetImplementationFileContentAsync("alg1", "impl1", "file1");
        Assert.That(source.BytesRead, Is.LessThan(3 * 1024 * 1024));
        var copy = new MemoryStream();
        await file.Stream.CopyToAsync(copy);
        Assert.That(copy.Length, Is.EqualTo(3 * 1024 * 1024));
    }
}

[TestFixture]
public class UseCasesClientTests : PlatformTestBase
{
    private UseCasesClient Client => new(Hub.Http);

    [Test]
    public async Task ListUseCases_pages_with_a_title_filter()
    {
        Expect(HttpMethod.Get, "use-cases", "page=0&size=20&title=battery").Respond(_ => Json(PlatformJson.Page(PlatformJson.UseCase)));
        var useCase = (await Client.ListUseCasesAsync(0, 20, title: "battery")).Content!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(useCase.Id, Is.EqualTo("uc1"));
            Assert.That(useCase.Title, Is.EqualTo("Battery chemistry"));
            Assert.That(useCase.ShortDescription, Is.EqualTo("LiH ground state"));
            Assert.That(useCase.Description, Is.EqualTo("VQE"));
            Assert.That(useCase.Industries!.Single().Uuid, Is.EqualTo("i1"));
            Assert.That(useCase.CurrentUserPermission, Is.EqualTo(AccessPermission.Viewer));
            Assert.That(useCase.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task CreateUseCase_posts_the_use_case()
    {
        Expect(HttpMethod.Post, "use-cases").Respond(_ => Json(PlatformJson.UseCase, HttpStatusCode.Created));
        await Client.CreateUseCaseAsync(new CreateUseCaseRequest { Title = "Battery chemistry", IndustryUuids = ["i1"] });
        AssertJsonBody("""{"title":"Battery chemistry","industryUuids":["i1"]}""");
    }

    [Test]
    public async Task GetUseCase_gets_one()
    {
        Expect(HttpMethod.Get, "use-cases/uc1").Respond(_ => Json(PlatformJson.UseCase));
        Assert.That((await Client.GetUseCaseAsync("uc1")).Title, Is.EqualTo("Battery chemistry"));
    }

    [Test]
    public async Task UpdateUseCase_puts_the_changes()
    {
        Expect(HttpMethod.Put, "use-cases/uc1").Respond(_ => Json(PlatformJson.UseCase));
        await Client.UpdateUseCaseAsync("uc1", new UpdateUseCaseRequest { ShortDescription = "LiH" });
        AssertJsonBody("""{"shortDescription":"LiH"}""");
    }

    [Test]
    public async Task DeleteUseCase_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "use-cases/uc1").Respond(_ => NoContent());
        await Client.DeleteUseCaseAsync("uc1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }
}
