using KipuHub.Emulator.Quantum;

namespace KipuHub.Emulator.Platform;

/// <summary>An application's subscription to a catalog service, owned by the application's context.</summary>
internal sealed record SubscriptionRecord(string Id, string OwnerKey, long Ordinal, string ApplicationId, string ServiceId, DateTimeOffset CreatedAt) : IOwnedRecord;
