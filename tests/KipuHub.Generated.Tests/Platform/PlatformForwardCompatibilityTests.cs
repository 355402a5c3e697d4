using KipuHub.Generated.Platform;
using KipuHub.Generated.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.Generated.Tests.Platform;

/// <summary>
/// The catalog keeps adding enum values, fields and union variants; a Platform client built today must read
/// tomorrow's responses. Through the generated clients end to end (HTTP response -> model).
/// </summary>
[TestFixture]
public class PlatformForwardCompatibilityTests
{
    [Test]
    public async Task Unknown_enum_values_and_unknown_fields_of_a_data_pool_deserialize_and_keep_their_raw_values()
    {
        using var hub = new MockHub(MockHub.PlatformBase);
        hub.Handler.When(HttpMethod.Get, MockHub.PlatformBase + "datapools/dp1").Respond("application/json", """
            {"id":"dp1","name":"molecules","currentUserPermission":"CO_OWNER","storageClass":{"tier":"cold","replicas":3},"createdAt":"2026-11-24T08:00:00Z"}
            """);

        var pool = await new DataPoolsClient(hub.Http).GetDataPoolAsync("dp1");

        Assert.That(pool.Name, Is.EqualTo("molecules"));
        Assert.That(pool.CurrentUserPermission!.Value.ToString(), Is.EqualTo("CO_OWNER"));
        Assert.That(pool.CurrentUserPermission.Value.IsKnown, Is.False);
        Assert.That(pool.CurrentUserPermission.Value, Is.Not.EqualTo(AccessPermission.Owner));
        Assert.That(pool.AdditionalProperties, Contains.Key("storageClass"), "unknown fields are kept, not lost");
        Assert.That((int)((JToken)pool.AdditionalProperties["storageClass"])["replicas"]!, Is.EqualTo(3));
    }

    [Test]
    public async Task Unknown_values_inside_a_page_of_services_deserialize()
    {
        using var hub = new MockHub(MockHub.PlatformBase);
        hub.Handler.When(HttpMethod.Get, MockHub.PlatformBase + "services").Respond("application/json", """
            {"content":[{"id":"svc9","type":"SERVERLESS","lifecycle":"ARCHIVED","buildStatus":"QUEUED","badge":"new"}],
             "page":0,"size":20,"totalElements":1,"totalPages":1,"sortedBy":["name"]}
            """);

        var page = await new ServicesClient(hub.Http).ListServicesAsync();

        var service = page.Content!.Single();
        Assert.That(service.Type!.Value.ToString(), Is.EqualTo("SERVERLESS"));
        Assert.That(service.Lifecycle!.Value.IsKnown, Is.False);
        Assert.That(service.BuildStatus!.Value.ToString(), Is.EqualTo("QUEUED"));
        Assert.That(service.AdditionalProperties, Contains.Key("badge"));
        Assert.That(page.AdditionalProperties, Contains.Key("sortedBy"));
    }

    [Test]
    public async Task A_resource_configuration_variant_the_sdk_does_not_know_round_trips_through_the_base_type()
    {
        using var hub = new MockHub(MockHub.PlatformBase);
        hub.Handler.When(HttpMethod.Get, MockHub.PlatformBase + "services/svc1/versions/v1").Respond("application/json", """
            {"id":"v1","configurations":[{"type":"TpuConfiguration","amount":2,"generation":"v5e"},{"type":"CpuConfiguration","amount":250,"unit":"m"}],
             "source":{"type":"GitSource","repository":"acme/echo"}}
            """);

        var version = await new ServicesClient(hub.Http).GetServiceVersionAsync("svc1", "v1");

        var unknown = version.Configurations!.First();
        Assert.That(unknown.GetType(), Is.EqualTo(typeof(ResourceConfiguration)));
        Assert.That(unknown.AdditionalProperties["type"], Is.EqualTo("TpuConfiguration"));
        Assert.That(version.Configurations!.Last(), Is.TypeOf<CpuConfiguration>());
        Assert.That(version.Source!.GetType(), Is.EqualTo(typeof(ServiceSource)));

        var back = JObject.Parse(JsonConvert.SerializeObject(unknown));
        Assert.That((string?)back["type"], Is.EqualTo("TpuConfiguration"));
        Assert.That((string?)back["generation"], Is.EqualTo("v5e"));
    }

    [Test]
    public async Task Absent_optional_fields_and_nulls_are_fine()
    {
        using var hub = new MockHub(MockHub.PlatformBase);
        hub.Handler.When(HttpMethod.Get, MockHub.PlatformBase + "users/me").Respond("application/json", """{"id":"u1","email":null}""");

        var me = await new UsersClient(hub.Http).GetMeAsync();

        Assert.That(me.Id, Is.EqualTo("u1"));
        Assert.That(me.Email, Is.Null);
        Assert.That(me.CreatedAt, Is.Null);
        Assert.That(me.DisplayName, Is.Null);
    }

    [Test]
    public void Request_models_leave_unset_optional_fields_out_of_the_body()
    {
        var json = JObject.Parse(JsonConvert.SerializeObject(new UpdateDataPoolRequest { Name = "renamed" }));
        Assert.That(json.Properties().Select(p => p.Name), Is.EqualTo(new[] { "name" }));
    }
}
