using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Tests.Platform;

[TestFixture]
public class ApplicationsTests : EmulatorTestBase
{
    private const string EchoServiceId = "6f1c2a7e-0b1d-4c55-9d1e-ec4000000001";

    [Test]
    public async Task Applications_SubscribeToCatalogServices()
    {
        using var http = Hub.CreatePlatformHttpClient("org-acme");
        var applications = new ApplicationsClient(http);
        var subscriptions = new SubscriptionsClient(http);

        var app = await applications.CreateApplicationAsync(new CreateApplicationRequest { Name = "lab-app" });
        var subscription = await subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { ApplicationId = app.Id!, ServiceId = EchoServiceId });

        Assert.That(subscription.Application!.Id, Is.EqualTo(app.Id));
        Assert.That(subscription.Api!.ServiceId, Is.EqualTo(EchoServiceId));
        Assert.That(new Uri(subscription.Api.GatewayEndpoint!), Is.EqualTo(Hub.GetServiceBaseUrl("echo")));
        Assert.That((await applications.GetApplicationAsync(app.Id!)).SubscriptionCount, Is.EqualTo(1));
        Assert.That((await subscriptions.GetSubscriptionsAsync()).Select(s => s.Id), Does.Contain(subscription.Id));
        Assert.That((await applications.GetApplicationSubscriptionsAsync(app.Id!)).Single().Id, Is.EqualTo(subscription.Id));
        Assert.That((await subscriptions.GetSubscriptionAsync(subscription.Id!)).Api!.Name, Is.EqualTo("echo"));
        Api.PlatformFailsWith(409, () => subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { ApplicationId = app.Id!, ServiceId = EchoServiceId }));
        Api.PlatformFailsWith(404, () => subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { ApplicationId = app.Id!, ServiceId = "nope" }));
        Api.PlatformFailsWith(409, () => applications.CreateApplicationAsync(new CreateApplicationRequest { Name = "lab-app" }));
    }

    [Test]
    public async Task ApplicationsAndSubscriptions_StayInTheirContext()
    {
        using var acme = Hub.CreatePlatformHttpClient("org-acme");
        using var personal = Hub.CreatePlatformHttpClient();
        var app = await new ApplicationsClient(acme).CreateApplicationAsync(new CreateApplicationRequest { Name = "acme-only" });
        var internalSubscription = await new ApplicationsClient(acme).CreateInternalSubscriptionAsync(app.Id!, new CreateInternalSubscriptionRequest { ServiceId = EchoServiceId });

        Api.PlatformFailsWith(404, () => new ApplicationsClient(personal).GetApplicationAsync(app.Id!));
        Api.PlatformFailsWith(404, () => new SubscriptionsClient(personal).GetSubscriptionAsync(internalSubscription.Id!));
        Assert.That((await new ApplicationsClient(personal).GetApplicationsAsync()).Select(a => a.Id), Does.Not.Contain(app.Id));

        var renamed = await new ApplicationsClient(acme).UpdateApplicationAsync(app.Id!, new UpdateApplicationRequest { Name = "acme-renamed" });
        Assert.That(renamed.Name, Is.EqualTo("acme-renamed"));
        await new ApplicationsClient(acme).DeleteApplicationSubscriptionAsync(app.Id!, internalSubscription.Id!);
        await new ApplicationsClient(acme).DeleteApplicationAsync(app.Id!);
        Api.PlatformFailsWith(404, () => new ApplicationsClient(acme).GetApplicationAsync(app.Id!));
    }
}
