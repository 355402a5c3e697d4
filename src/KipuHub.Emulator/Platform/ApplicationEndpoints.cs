using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Platform;

/// <summary>Applications and their subscriptions to catalog services, each owned by the caller's context (404 elsewhere).</summary>
internal static class ApplicationEndpoints
{
    public static void Register(PlatformHandlers handlers, HubRuntime hub)
    {
        var state = hub.Platform;
        handlers.Add("getApplications", ctx => PlatformHttp.Ok(ctx, state.Applications.OwnedBy(PlatformHttp.OwnerKey(ctx))
            .OrderBy(a => a.Ordinal).Select(a => a.ToModel(SubscriptionCount(state, a))).ToList()));
        handlers.Add("createApplication", ctx => CreateApplicationAsync(ctx, hub));
        handlers.Add("getApplication", ctx =>
        {
            var application = FindApplication(ctx, state);
            return PlatformHttp.Ok(ctx, application.ToModel(SubscriptionCount(state, application)));
        });
        handlers.Add("updateApplication", ctx => UpdateApplicationAsync(ctx, hub));
        handlers.Add("deleteApplication", ctx =>
        {
            var application = FindApplication(ctx, state);
            foreach (var subscription in SubscriptionsOf(state, application))
            {
                state.Subscriptions.Remove(subscription.Id);
            }

            state.Applications.Remove(application.Id);
            return PlatformHttp.NoContent(ctx);
        });

        handlers.Add("getSubscriptions", ctx => PlatformHttp.Ok(ctx, state.Subscriptions.OwnedBy(PlatformHttp.OwnerKey(ctx))
            .OrderBy(s => s.Ordinal).Select(s => ToModel(ctx, state, s)).ToList()));
        handlers.Add("createSubscription", async ctx =>
        {
            var body = await PlatformHttp.ReadAsync<CreateSubscriptionRequest>(ctx, hub).ConfigureAwait(false);
            var application = FindApplication(ctx, state, PlatformHttp.Required(body.ApplicationId, "applicationId"));
            await SubscribeAsync(ctx, hub, application, body.ServiceId).ConfigureAwait(false);
        });
        handlers.Add("getSubscription", ctx => PlatformHttp.Ok(ctx, ToModel(ctx, state, FindSubscription(ctx, state, null))));
        handlers.Add("deleteSubscription", ctx =>
        {
            state.Subscriptions.Remove(FindSubscription(ctx, state, null).Id);
            return PlatformHttp.NoContent(ctx);
        });

        handlers.Add("getApplicationSubscriptions", ctx => PlatformHttp.Ok(ctx, SubscriptionsOf(state, FindApplication(ctx, state))
            .Select(s => ToModel(ctx, state, s)).ToList()));
        handlers.Add("createInternalSubscription", async ctx =>
        {
            var application = FindApplication(ctx, state);
            var body = await PlatformHttp.ReadAsync<CreateInternalSubscriptionRequest>(ctx, hub).ConfigureAwait(false);
            await SubscribeAsync(ctx, hub, application, body.ServiceId).ConfigureAwait(false);
        });
        handlers.Add("getApplicationSubscription", ctx => PlatformHttp.Ok(ctx, ToModel(ctx, state, FindSubscription(ctx, state, FindApplication(ctx, state)))));
        handlers.Add("deleteApplicationSubscription", ctx =>
        {
            state.Subscriptions.Remove(FindSubscription(ctx, state, FindApplication(ctx, state)).Id);
            return PlatformHttp.NoContent(ctx);
        });
    }

    private static async Task CreateApplicationAsync(HttpContext context, HubRuntime hub)
    {
        var body = await PlatformHttp.ReadAsync<CreateApplicationRequest>(context, hub).ConfigureAwait(false);
        var owner = PlatformHttp.OwnerKey(context);
        var name = PlatformHttp.UniqueName(body.Name, hub.Platform.Applications.OwnedBy(owner), a => a.Name, null, "An application");
        var application = new ApplicationRecord
        {
            Id = Guid.NewGuid().ToString(),
            OwnerKey = owner,
            Ordinal = hub.NextOrdinal(),
            CreatedAt = hub.Now,
            Name = name,
            Description = body.Description,
        };
        hub.Platform.Applications.Add(application);
        await PlatformHttp.Created(context, application.ToModel(0)).ConfigureAwait(false);
    }

    private static async Task UpdateApplicationAsync(HttpContext context, HubRuntime hub)
    {
        var application = FindApplication(context, hub.Platform);
        var body = await PlatformHttp.ReadAsync<UpdateApplicationRequest>(context, hub).ConfigureAwait(false);
        if (body.Name is not null)
        {
            application.Name = PlatformHttp.UniqueName(body.Name, hub.Platform.Applications.OwnedBy(application.OwnerKey), a => a.Name, application.Id, "An application");
        }

        application.Description = body.Description ?? application.Description;
        await PlatformHttp.Ok(context, application.ToModel(SubscriptionCount(hub.Platform, application))).ConfigureAwait(false);
    }

    private static async Task SubscribeAsync(HttpContext context, HubRuntime hub, ApplicationRecord application, string? serviceId)
    {
        var state = hub.Platform;
        var id = PlatformHttp.Required(serviceId, "serviceId");
        if (!state.ServicesById.ContainsKey(id))
        {
            throw HttpProblemException.NotFound($"Service '{id}' is not in the catalog; GET /services lists the services you can subscribe to.");
        }

        if (SubscriptionsOf(state, application).Any(s => s.ServiceId == id))
        {
            throw PlatformHttp.Conflict($"Application '{application.Name}' is already subscribed to service '{id}'.");
        }

        var subscription = new SubscriptionRecord(Guid.NewGuid().ToString(), application.OwnerKey, hub.NextOrdinal(), application.Id, id, hub.Now);
        state.Subscriptions.Add(subscription);
        await PlatformHttp.Created(context, ToModel(context, state, subscription)).ConfigureAwait(false);
    }

    private static SubscriptionDto ToModel(HttpContext context, PlatformState state, SubscriptionRecord subscription)
    {
        var application = state.Applications.FindAnyOwner(subscription.ApplicationId);
        return new SubscriptionDto
        {
            Id = subscription.Id,
            Application = application?.ToModel(application is null ? 0 : SubscriptionCount(state, application)),
            Api = state.ServicesById[subscription.ServiceId].ToApi(PlatformHttp.Root(context)),
            PricingPlan = new PricingPlanDto { Id = "free", Type = PricingPlanType.Free },
            LogsAvailable = false,
            CreatedAt = subscription.CreatedAt,
        };
    }

    private static IEnumerable<SubscriptionRecord> SubscriptionsOf(PlatformState state, ApplicationRecord application)
        => state.Subscriptions.OwnedBy(application.OwnerKey).Where(s => s.ApplicationId == application.Id).OrderBy(s => s.Ordinal);

    private static int SubscriptionCount(PlatformState state, ApplicationRecord application) => SubscriptionsOf(state, application).Count();

    private static ApplicationRecord FindApplication(HttpContext context, PlatformState state, string? id = null)
    {
        id ??= RequestRoute.Value(context, "applicationId");
        return state.Applications.Find(id, PlatformHttp.OwnerKey(context))
            ?? throw HttpProblemException.NotFound($"Application '{id}' was not found. Applications are visible only in the context that created them (check X-OrganizationId).");
    }

    private static SubscriptionRecord FindSubscription(HttpContext context, PlatformState state, ApplicationRecord? application)
    {
        var id = RequestRoute.Value(context, "subscriptionId");
        var subscription = state.Subscriptions.Find(id, PlatformHttp.OwnerKey(context));
        return subscription is not null && (application is null || subscription.ApplicationId == application.Id)
            ? subscription
            : throw HttpProblemException.NotFound($"Subscription '{id}' was not found{(application is null ? string.Empty : $" for application '{application.Id}'")}.");
    }
}
