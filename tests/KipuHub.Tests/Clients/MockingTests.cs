using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;
using Moq;

namespace KipuHub.Tests.Clients;

/// <summary>How users test their own code against the clients: mock the interfaces, or the classes (virtual members).</summary>
[TestFixture]
public class MockingTests
{
    [Test]
    public async Task QuantumClient_InterfaceAndNamespace_CanBeMocked()
    {
        var jobs = new Mock<IJobsClient>();
        jobs.Setup(j => j.GetJobStatusAsync("j1", It.IsAny<CancellationToken>())).ReturnsAsync(new JobStatusResponse { Status = JobStatus.Completed });
        var client = new Mock<IHubQuantumClient>();
        client.SetupGet(c => c.Jobs).Returns(jobs.Object);

        var status = await StatusOf(client.Object, "j1");

        Assert.That(status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public void QuantumClient_TypedErrors_CanBeSimulated()
    {
        var jobs = new Mock<IJobsClient>();
        jobs.Setup(j => j.GetJobAsync("gone", It.IsAny<CancellationToken>())).ThrowsAsync(new NotFoundException("no such job"));
        var client = new Mock<IHubQuantumClient>();
        client.SetupGet(c => c.Jobs).Returns(jobs.Object);

        var ex = Assert.ThrowsAsync<NotFoundException>(() => client.Object.Jobs.GetJobAsync("gone"));
        Assert.That(ex!.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task ConcreteClasses_CanBeMockedThroughVirtualMembers()
    {
        var serviceApi = new Mock<IServiceApiClient>();
        serviceApi.Setup(s => s.GetLogsAsync("e1", It.IsAny<CancellationToken>())).ReturnsAsync([new LogEntry { Message = "hello" }]);
        var service = new Mock<HubServiceClient> { CallBase = false };
        service.SetupGet(s => s.ServiceApi).Returns(serviceApi.Object);
        var quantum = new Mock<HubQuantumClient>();
        quantum.SetupGet(q => q.OrganizationId).Returns("org-m");

        var logs = await service.Object.ServiceApi.GetLogsAsync("e1");

        Assert.That(logs.Single().Message, Is.EqualTo("hello"));
        Assert.That(quantum.Object.OrganizationId, Is.EqualTo("org-m"));
    }

    [Test]
    public async Task Passthrough_CanBeMocked()
    {
        var platform = new Mock<IHubPlatformClient>();
        platform.Setup(p => p.SendAsync(It.Is<HttpRequestMessage>(r => r.RequestUri!.ToString() == "users/me"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HttpResponseMessage(System.Net.HttpStatusCode.OK));

        using var response = await platform.Object.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("users/me", UriKind.Relative)));

        Assert.That(response.IsSuccessStatusCode, Is.True);
    }

    private static async Task<JobStatus?> StatusOf(IHubQuantumClient client, string id) =>
        (await client.Jobs.GetJobStatusAsync(id)).Status;
}
