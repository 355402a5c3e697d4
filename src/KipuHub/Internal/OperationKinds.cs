namespace KipuHub.Internal;

/// <summary>
/// What kind of endpoint a facade operation (<c>"Jobs.SearchJobsAsync"</c>, the name the error mapper reports) calls,
/// so an error's advice can fit its cause: a 404 on a path without ids means the base URL is wrong, a 422 on a result
/// means the result is not ready, a failed job POST may have created the job.
/// </summary>
/// <remarks>
/// The collection operations are the specs' operations without path parameters; a test compares this list with
/// <c>specs/*.json</c>, so a new or renamed operation cannot be forgotten.
/// </remarks>
internal static class OperationKinds
{
    /// <summary>The operations on a path without ids: a 404 there says the base URL, not an id, is wrong.</summary>
    public static readonly IReadOnlySet<string> Collections = new HashSet<string>(StringComparer.Ordinal)
    {
        // Quantum
        "Backends.GetBackendsAsync", "Sessions.CreateSessionAsync", "Jobs.SearchJobsAsync", "Jobs.CreateJobAsync", "Workloads.GetWorkloadsAsync",

        // Service gateway
        "ServiceApi.GetServiceExecutionsAsync", "ServiceApi.StartExecutionAsync",

        // Platform
        "DataPools.GetDataPoolsAsync", "DataPools.CreateDataPoolAsync", "Services.ListServicesAsync",
        "ManagedServices.CreateManagedServiceAsync", "ExternalServices.CreateExternalServiceAsync", "ExternalServices.ReportMeteringAsync",
        "WorkflowServices.CreateWorkflowServiceAsync", "ServiceExecutions.ListServiceExecutionsAsync",
        "ServiceJobs.GetServiceJobsAsync", "ServiceJobs.CreateServiceJobAsync", "Applications.GetApplicationsAsync", "Applications.CreateApplicationAsync",
        "Authentication.AuthorizeAsync", "Authentication.GetPersonalAccessTokensAsync", "Authentication.CreatePersonalAccessTokenAsync",
        "Subscriptions.GetSubscriptionsAsync", "Subscriptions.CreateSubscriptionAsync", "Marketplace.FindServicesAsync",
        "Algorithms.ListAlgorithmsAsync", "Algorithms.CreateAlgorithmAsync", "Implementations.ListImplementationsAsync", "Implementations.CreateImplementationAsync",
        "UseCases.ListUseCasesAsync", "UseCases.CreateUseCaseAsync", "Organizations.GetOrganizationsAsync", "Organizations.CreateOrganizationAsync",
        "Users.GetMeAsync", "Users.UpdateMeAsync", "Users.ListUsersAsync", "Users.GetMyAccountsAsync",
        "UserNotifications.ListUserNotificationsAsync", "UserNotifications.MarkAllUserNotificationsAsReadAsync",
        "GitIntegrations.GetGitIntegrationsAsync", "GitIntegrations.CreateGitIntegrationAsync", "QuantumWorkloads.ListQuantumWorkloadsAsync",
    };

    /// <summary>Whether <paramref name="operation"/> reads a job's result (a 422 there means: not ready yet).</summary>
    public static bool IsJobResult(string operation) =>
        operation.StartsWith("Jobs.", StringComparison.Ordinal)
        && (operation.EndsWith("ResultAsync", StringComparison.Ordinal) || operation.EndsWith("ResultStreamAsync", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="operation"/> creates a job (POST /jobs, or the service-execution variant): never retried, and a lost answer may mean it exists.</summary>
    public static bool IsJobSubmission(string operation) =>
        operation is "Jobs.CreateJobAsync" or "Jobs.CreateServiceExecJobAsync";

    /// <summary>Whether a request is a job submission, by method and path (for failures seen in the pipeline, where only the request is known).</summary>
    public static bool IsJobSubmission(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && Http.Internal.RequestProperties.GetPath(request).TrimEnd('/').EndsWith("/jobs", StringComparison.Ordinal);

    /// <summary>What to do after a job submission whose answer was lost: the job may exist, and how to find it.</summary>
    public const string AmbiguousJobSubmission =
        "The job may already exist: the Hub may have created it before the answer was lost, and a job POST is never retried. " +
        "Before submitting it again, look for it among your newest jobs (client.GetJobsAsync(sort: [\"created_at,desc\"]), or Jobs.SearchJobsAsync); " +
        "give jobs a Name or Tags to recognise them. In a SubmitJobsAsync batch such a submission has the outcome Unknown (its batch tag finds it).";
}
