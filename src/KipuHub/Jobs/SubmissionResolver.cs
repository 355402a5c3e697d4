using KipuHub.Generated.Quantum;

namespace KipuHub.Jobs;

/// <summary>
/// Finds out what happened to submissions whose answer was lost, by their client token (a tag), among the newest jobs.
/// </summary>
/// <remarks>
/// Proof of absence needs a boundary: the newest job listed before the submissions were sent (the anchor). Every job
/// those submissions created is newer, so it is listed (newest first) before any job created strictly earlier than the
/// anchor. A token not seen by then does not exist. Without a boundary (the anchor could not be read, the search limit
/// was reached first) nothing is proven absent: those submissions stay unknown.
/// </remarks>
internal sealed class SubmissionResolver(IJobsClient jobs)
{
    private const int PageSize = 100;
    private static readonly string[] NewestFirst = ["created_at,desc"];

    /// <summary>The newest job before a round of submissions (null: none yet), or a failure to read it.</summary>
    internal sealed record Anchor(bool Known, DateTimeOffset? NewestCreatedAt);

    /// <summary>What a search found: jobs by token, and whether every token not found is proven absent.</summary>
    internal sealed record Resolution(IReadOnlyDictionary<string, Job> Found, bool AbsenceProven);

    /// <summary>Reads the boundary before submissions are sent; never throws (an unknown anchor only weakens the proof).</summary>
    public async Task<Anchor> TakeAnchorAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var job in jobs.SearchJobsPageable(1, NewestFirst).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // A job without a creation time gives no boundary.
                return job.CreatedAt is { } created ? new Anchor(true, created) : new Anchor(false, null);
            }

            return new Anchor(true, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Best effort: a batch must not fail because its boundary could not be read.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new Anchor(false, null);
        }
    }

    /// <summary>Looks for <paramref name="tokens"/> among at most <paramref name="maxJobs"/> of the newest jobs.</summary>
    public async Task<Resolution> FindAsync(IReadOnlyCollection<string> tokens, Anchor anchor, int maxJobs, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(tokens, StringComparer.Ordinal);
        var found = new Dictionary<string, Job>(StringComparer.Ordinal);
        var scanned = 0;
        try
        {
            await foreach (var job in jobs.SearchJobsPageable(PageSize, NewestFirst).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (anchor.Known && anchor.NewestCreatedAt is { } boundary && job.CreatedAt is { } created && created < boundary)
                    return new Resolution(found, true);
                if (++scanned > maxJobs)
                    return new Resolution(found, false);
                foreach (var tag in job.Tags ?? [])
                {
                    // The first match wins; a page shift that lists a job twice changes nothing.
                    if (wanted.Contains(tag)) found.TryAdd(tag, job);
                }

                if (found.Count == wanted.Count)
                    return new Resolution(found, true);
            }

            // The end of the list: every job has been seen, but only with a known anchor is that the whole story.
            return new Resolution(found, anchor.Known);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed search proves nothing; what was found so far still counts.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new Resolution(found, false);
        }
    }
}
