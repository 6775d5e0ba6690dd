namespace UmbracoPersonalization.Persistence.Data.Entities;

/// <summary>A stored visitor profile: indexed columns plus the whole profile as a versioned JSON document.</summary>
public sealed class ProfileRow
{
    /// <summary>The pseudonymous visitor id (primary key).</summary>
    public required string VisitorId { get; set; }

    /// <summary>Incremented on every save; the optimistic concurrency token.</summary>
    public long Version { get; set; }

    /// <summary>The member the visitor logged in as, if any (indexed).</summary>
    public string? MemberKey { get; set; }

    /// <summary>Last event seen (indexed, for retention clean-up).</summary>
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>The profile as JSON, written by <see cref="Serialization.ProfileSerializer"/>.</summary>
    public required string Body { get; set; }
}
