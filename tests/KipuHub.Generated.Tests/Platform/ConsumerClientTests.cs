using System.Net;
using KipuHub.Generated.Platform;
using KipuHub.Generated.Tests.Support;

namespace KipuHub.Generated.Tests.Platform;

[TestFixture]
public class ApplicationsClientTests : PlatformTestBase
{
    private ApplicationsClient Client => new(Hub.Http);

    [Test]
    public async Task GetApplications_lists_applications()
    {
        Expect(HttpMethod.Get, "v2/applications").Respond(_ => Json($"[{PlatformJson.Application}]"));
        var app = (await Client.GetApplicationsAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(app.Id, Is.EqualTo("app1"));
            Assert.That(app.Name, Is.EqualTo("lab"));
            Assert.That(app.Description, Is.EqualTo("Lab app"));
            Assert.That(app.CurrentUserPermission, Is.EqualTo(AccessPermission.Maintainer));
            Assert.That(app.SubscriptionCount, Is.EqualTo(2));
            Assert.That(app.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task CreateApplication_posts_the_name()
    {
        Expect(HttpMethod.Post, "v2/applications").Respond(_ => Json(PlatformJson.Application, HttpStatusCode.Created));
        var app = await Client.CreateApplicationAsync(new CreateApplicationRequest { Name = "lab" });
        AssertJsonBody("""{"name":"lab"}""");
        Assert.That(app.Id, Is.EqualTo("app1"));
    }

    [Test]
    public async Task GetApplication_gets_one()
    {
        Expect(HttpMethod.Get, "v2/applications/app1").Respond(_ => Json(PlatformJson.Application));
        Assert.That((await Client.GetApplicationAsync("app1")).Name, Is.EqualTo("lab"));
    }

    [Test]
    public async Task UpdateApplication_puts_the_changes()
    {
        Expect(HttpMethod.Put, "v2/applications/app1").Respond(_ => Json(PlatformJson.Application));
        await Client.UpdateApplicationAsync("app1", new UpdateApplicationRequest { Description = "Lab app" });
        AssertJsonBody("""{"description":"Lab app"}""");
    }

    [Test]
    public async Task DeleteApplication_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "v2/applications/app1").Respond(_ => NoContent());
        await Client.DeleteApplicationAsync("app1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task GetAccessToken_posts_without_a_body_and_maps_the_token()
    {
        Expect(HttpMethod.Post, "v2/applications/app1/access-token").Respond(_ => Json(PlatformJson.AccessToken));
        var token = await Client.GetAccessTokenAsync("app1");
        AssertNoBody();
        Assert.That(token.Token, Is.EqualTo("eyJ.app"));
        Assert.That(token.Scopes, Is.EqualTo(new[] { AccessTokenScope.Api, AccessTokenScope.QuantumTokens }));
    }

    [Test]
    public async Task GetApplicationSubscriptions_lists_subscriptions()
    {
        Expect(HttpMethod.Get, "v2/applications/app1/subscriptions").Respond(_ => Json($"[{PlatformJson.Subscription}]"));
        Assert.That((await Client.GetApplicationSubscriptionsAsync("app1")).Single().Id, Is.EqualTo("sub1"));
    }

    [Test]
    public async Task CreateInternalSubscription_posts_application_and_service()
    {
        Expect(HttpMethod.Post, "v2/applications/app1/subscriptions").Respond(_ => Json(PlatformJson.Subscription, HttpStatusCode.Created));
        await Client.CreateInternalSubscriptionAsync("app1", new CreateInternalSubscriptionRequest { ApplicationId = "app1", ServiceId = "svc1" });
        AssertJsonBody("""{"applicationId":"app1","serviceId":"svc1"}""");
    }

    [Test]
    public async Task GetApplicationSubscription_gets_one()
    {
        Expect(HttpMethod.Get, "v2/applications/app1/subscriptions/sub1").Respond(_ => Json(PlatformJson.Subscription));
        Assert.That((await Client.GetApplicationSubscriptionAsync("app1", "sub1")).LogsAvailable, Is.True);
    }

    [Test]
    public async Task DeleteApplicationSubscription_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "v2/applications/app1/subscriptions/sub1").Respond(_ => NoContent());
        await Client.DeleteApplicationSubscriptionAsync("app1", "sub1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }
}

[TestFixture]
public class AuthenticationClientTests : PlatformTestBase
{
    private AuthenticationClient Client => new(Hub.Http);

    [Test]
    public async Task Authorize_posts_without_a_body_and_maps_the_principal()
    {
        Expect(HttpMethod.Post, "authorize").Respond(_ => Json("""
            {"user":{"id":"u1","username":"grace","firstName":"Grace","lastName":"Hopper","email":"grace@acme.test"},"accessToken":"at","roles":["USER"]}
            """));
        var principal = await Client.AuthorizeAsync();
        AssertNoBody();
        Assert.Multiple(() =>
        {
            Assert.That(principal.User!.Id, Is.EqualTo("u1"));
            Assert.That(principal.User.Username, Is.EqualTo("grace"));
            Assert.That(principal.User.FirstName, Is.EqualTo("Grace"));
            Assert.That(principal.User.LastName, Is.EqualTo("Hopper"));
            Assert.That(principal.User.Email, Is.EqualTo("grace@acme.test"));
            Assert.That(principal.AccessToken, Is.EqualTo("at"));
            Assert.That(principal.Roles, Is.EqualTo(new[] { "USER" }));
        });
    }

    [Test]
    public void Authorize_with_an_invalid_key_is_a_401()
    {
        Expect(HttpMethod.Post, "authorize").Respond(_ => ErrorResponse(HttpStatusCode.Unauthorized, """{"errorMessage":"Invalid API key"}"""));
        var ex = Assert.ThrowsAsync<PlatformApiException>(() => Client.AuthorizeAsync());
        Assert.That(ex!.StatusCode, Is.EqualTo(401));
        Assert.That(ex.Response, Does.Contain("Invalid API key"));
    }

    [Test]
    public async Task GetPersonalAccessTokens_lists_tokens()
    {
        Expect(HttpMethod.Get, "access-tokens").Respond(_ => Json($"[{PlatformJson.AccessToken}]"));
        var token = (await Client.GetPersonalAccessTokensAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(token.Id, Is.EqualTo("t1"));
            Assert.That(token.Name, Is.EqualTo("ci"));
            Assert.That(token.UsedAt, Is.Null);
            Assert.That(token.ExpiresAt, Is.EqualTo(PlatformJson.At0800.AddYears(1)));
            Assert.That(token.Value, Is.EqualTo("kqh_secret"));
        });
    }

    [Test]
    public async Task CreatePersonalAccessToken_posts_name_scopes_and_expiry()
    {
        Expect(HttpMethod.Post, "access-tokens").Respond(_ => Json(PlatformJson.AccessToken, HttpStatusCode.Created));
        await Client.CreatePersonalAccessTokenAsync(new CreateAccessTokenRequest { Name = "ci", Scopes = [AccessTokenScope.Api], ExpiresAt = PlatformJson.At0800.AddYears(1) });
        AssertJsonBody("""{"name":"ci","scopes":["API"],"expiresAt":"2027-11-24T08:00:00+00:00"}""");
    }

    [Test]
    public async Task DeletePersonalAccessToken_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "access-tokens/t1").Respond(_ => NoContent());
        await Client.DeletePersonalAccessTokenAsync("t1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task GetApplicationCredentials_maps_key_id_and_token_endpoint()
    {
        Expect(HttpMethod.Get, "v2/applications/app1/credentials").Respond(_ => Json(PlatformJson.Credentials));
        var credentials = await Client.GetApplicationCredentialsAsync("app1");
        Assert.Multiple(() =>
        {
            Assert.That(credentials.ApplicationId, Is.EqualTo("app1"));
            Assert.That(credentials.AccessKeyId, Is.EqualTo("AKID"));
            Assert.That(credentials.SecretAccessKey, Is.Null);
            Assert.That(credentials.TokenEndpoint, Is.EqualTo("https://gateway.hub.kipu-quantum.com/token"));
            Assert.That(credentials.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task RegenerateApplicationCredentials_posts_and_returns_the_new_secret()
    {
        Expect(HttpMethod.Post, "v2/applications/app1/credentials/regenerate").Respond(_ => Json(PlatformJson.Credentials.Replace("\"secretAccessKey\":null", "\"secretAccessKey\":\"S3CR3T\"")));
        var credentials = await Client.RegenerateApplicationCredentialsAsync("app1");
        AssertNoBody();
        Assert.That(credentials.SecretAccessKey, Is.EqualTo("S3CR3T"));
    }
}

[TestFixture]
public class SubscriptionsClientTests : PlatformTestBase
{
    private SubscriptionsClient Client => new(Hub.Http);

    [Test]
    public async Task GetSubscriptions_lists_subscriptions_with_nested_application_api_and_plan()
    {
        Expect(HttpMethod.Get, "subscriptions").Respond(_ => Json($"[{PlatformJson.Subscription}]"));
        var subscription = (await Client.GetSubscriptionsAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(subscription.Id, Is.EqualTo("sub1"));
            Assert.That(subscription.Application!.Name, Is.EqualTo("lab"));
            Assert.That(subscription.Api!.GatewayEndpoint, Is.EqualTo("https://gateway/acme/echo/1.0.0"));
            Assert.That(subscription.PricingPlan!.Type, Is.EqualTo(PricingPlanType.Free));
            Assert.That(subscription.LogsAvailable, Is.True);
            Assert.That(subscription.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task CreateSubscription_posts_service_and_application()
    {
        Expect(HttpMethod.Post, "subscriptions").Respond(_ => Json(PlatformJson.Subscription, HttpStatusCode.Created));
        var subscription = await Client.CreateSubscriptionAsync(new CreateSubscriptionRequest { ServiceId = "svc1", ApplicationId = "app1" });
        AssertJsonBody("""{"serviceId":"svc1","applicationId":"app1"}""");
        Assert.That(subscription.Id, Is.EqualTo("sub1"));
    }

    [Test]
    public void CreateSubscription_twice_is_a_409()
    {
        Expect(HttpMethod.Post, "subscriptions").Respond(_ => ErrorResponse(HttpStatusCode.Conflict, """{"errorMessage":"already subscribed"}"""));
        var ex = Assert.ThrowsAsync<PlatformApiException>(() => Client.CreateSubscriptionAsync(new CreateSubscriptionRequest { ServiceId = "svc1", ApplicationId = "app1" }));
        Assert.That(ex!.StatusCode, Is.EqualTo(409));
        Assert.That(ex.Headers.Header("X-Request-Id"), Is.EqualTo("req-42"));
    }

    [Test]
    public async Task GetSubscription_gets_one()
    {
        Expect(HttpMethod.Get, "subscriptions/sub1").Respond(_ => Json(PlatformJson.Subscription));
        Assert.That((await Client.GetSubscriptionAsync("sub1")).Api!.ServiceType, Is.EqualTo(ServiceType.External));
    }

    [Test]
    public async Task DeleteSubscription_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "subscriptions/sub1").Respond(_ => NoContent());
        await Client.DeleteSubscriptionAsync("sub1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task GetSubscriptionServiceExecutions_lists_executions()
    {
        Expect(HttpMethod.Get, "subscriptions/sub1/service-executions").Respond(_ => Json($"[{PlatformJson.ServiceExecution}]"));
        Assert.That((await Client.GetSubscriptionServiceExecutionsAsync("sub1")).Single().SubscriptionId, Is.EqualTo("sub1"));
    }
}

[TestFixture]
public class MarketplaceClientTests : PlatformTestBase
{
    private MarketplaceClient Client => new(Hub.Http);

    [Test]
    public async Task FindServices_lists_listings()
    {
        Expect(HttpMethod.Get, "v2/apis").Respond(_ => Json("""
            [{"id":"api1","serviceId":"svc1","name":"echo","provider":"Acme","type":"MANAGED","lifecycle":"PUBLISHED","industries":[{"uuid":"i1","label":"Chemistry"}],
              "pricingCategory":"FREE","rating":4.0,"logoUrl":"https://logo","isFeatured":false}]
            """));
        var listing = (await Client.FindServicesAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(listing.Id, Is.EqualTo("api1"));
            Assert.That(listing.ServiceId, Is.EqualTo("svc1"));
            Assert.That(listing.Provider, Is.EqualTo("Acme"));
            Assert.That(listing.Type, Is.EqualTo(ServiceType.Managed));
            Assert.That(listing.Lifecycle, Is.EqualTo(ServiceLifecycle.Published));
            Assert.That(listing.Industries!.Single().Label, Is.EqualTo("Chemistry"));
            Assert.That(listing.PricingCategory, Is.EqualTo(PricingCategory.Free));
            Assert.That(listing.Rating, Is.EqualTo(4.0));
            Assert.That(listing.IsFeatured, Is.False);
        });
    }

    [Test]
    public async Task FindService_maps_the_listing()
    {
        Expect(HttpMethod.Get, "v2/apis/api1").Respond(_ => Json(PlatformJson.Api));
        var api = await Client.FindServiceAsync("api1");
        Assert.Multiple(() =>
        {
            Assert.That(api.Context, Is.EqualTo("/acme/echo"));
            Assert.That(api.Version, Is.EqualTo("1.0.0"));
            Assert.That(api.PricingCategory, Is.EqualTo(PricingCategory.Freemium));
            Assert.That(api.PricingPlans!.Single().Id, Is.EqualTo("pp1"));
            Assert.That(api.ServiceType, Is.EqualTo(ServiceType.External));
            Assert.That(api.Rating, Is.EqualTo(4.5));
            Assert.That(api.IsFeatured, Is.True);
        });
    }

    [Test]
    public async Task GetApiSpec_returns_the_openapi_document_as_json()
    {
        Expect(HttpMethod.Get, "v2/apis/api1/api-spec").Respond(_ => Json("""{"openapi":"3.0.3","paths":{}}"""));
        var spec = Newtonsoft.Json.Linq.JToken.FromObject((await Client.GetApiSpecAsync("api1"))!);
        Assert.That((string?)spec["openapi"], Is.EqualTo("3.0.3"));
    }

    [Test]
    public async Task GetLogo_streams_the_image()
    {
        var png = new byte[] { 0x89, 0x50, 0x4e, 0x47 };
        Expect(HttpMethod.Get, "v2/apis/api1/logo").Respond(_ => Bytes(new MemoryStream(png), "image/png"));
        using var logo = await Client.GetLogoAsync("api1");
        var copy = new MemoryStream();
        await logo.Stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(png));
        Assert.That(logo.Headers["Content-Type"].Single(), Is.EqualTo("image/png"));
    }

    [Test]
    public async Task CreateApiSubscription_posts_application_and_pricing_plan()
    {
        Expect(HttpMethod.Post, "v2/apis/api1/subscriptions").Respond(_ => Json(PlatformJson.Subscription, HttpStatusCode.Created));
        await Client.CreateApiSubscriptionAsync("api1", new CreateApiSubscriptionRequest { ApplicationId = "app1", PricingPlanId = "pp1" });
        AssertJsonBody("""{"applicationId":"app1","pricingPlanId":"pp1"}""");
    }
}
