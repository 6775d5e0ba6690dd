using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Identity;

/// <summary>
/// What happens to the visitor id when a member signs in. The member's profile (found by member key) becomes the one
/// profile of that person: an anonymous profile is merged into it (<see cref="ProfileMerger"/>), its events and
/// assignments are re-keyed and it is deleted; the browser switches to the member's visitor id, so a second device
/// sees the same personalization after sign-in. Every step is idempotent, so a repeated or interrupted sign-in
/// completes without counting anything twice. An anonymous profile already claimed by another member (a shared
/// computer) is never merged.
/// </summary>
public sealed class VisitorIdentityService
{
    private const int MaxAttempts = 5;
    private readonly IProfileStore _profiles;
    private readonly IVisitorIdentityStore _identity;
    private readonly ProfileMerger _merger;

    /// <summary>Creates the service.</summary>
    public VisitorIdentityService(IProfileStore profiles, IVisitorIdentityStore identity, ProfileMerger merger)
    {
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _identity = identity ?? throw new ArgumentNullException(nameof(identity));
        _merger = merger ?? throw new ArgumentNullException(nameof(merger));
    }

    /// <summary>Links the browser's visitor to the member who signed in.</summary>
    /// <param name="currentVisitorId">The visitor id of the browser (consented visitor cookie).</param>
    /// <param name="memberKey">The member's key.</param>
    /// <param name="newVisitorId">A fresh random id, used only when the browser's profile belongs to another member.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The visitor id the browser must carry from now on.</returns>
    public async Task<SignInResult> SignInAsync(string currentVisitorId, string memberKey, string newVisitorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currentVisitorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(newVisitorId);
        for (var attempt = 1; ; attempt++)
        {
            var result = await TrySignInAsync(currentVisitorId, memberKey, newVisitorId, cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                return result;
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"Signing in kept losing optimistic races after {MaxAttempts} attempts.");
            }
        }
    }

    // null: lost an optimistic race; try again with fresh reads.
    private async Task<SignInResult?> TrySignInAsync(string currentVisitorId, string memberKey, string newVisitorId, CancellationToken cancellationToken)
    {
        var member = await _identity.FindByMemberKeyAsync(memberKey, cancellationToken).ConfigureAwait(false);
        var anonymous = await _profiles.GetAsync(currentVisitorId, cancellationToken).ConfigureAwait(false);
        var belongsToOther = anonymous?.MemberKey is { } owner && !string.Equals(owner, memberKey, StringComparison.Ordinal);

        if (member is null)
        {
            if (belongsToOther)
            {
                var fresh = VisitorProfile.CreateNew(newVisitorId);
                fresh.MemberKey = memberKey;
                return await _profiles.SaveAsync(fresh, 0, cancellationToken).ConfigureAwait(false)
                    ? new SignInResult(newVisitorId, SignInOutcome.Restarted)
                    : null;
            }

            var claimed = anonymous ?? VisitorProfile.CreateNew(currentVisitorId);
            claimed.MemberKey = memberKey;
            return await _profiles.SaveAsync(claimed, claimed.Version, cancellationToken).ConfigureAwait(false)
                ? new SignInResult(currentVisitorId, SignInOutcome.Claimed)
                : null;
        }

        if (string.Equals(member.VisitorId, currentVisitorId, StringComparison.Ordinal))
        {
            return new SignInResult(currentVisitorId, SignInOutcome.AlreadyMember);
        }

        if (belongsToOther)
        {
            return new SignInResult(member.VisitorId, SignInOutcome.Switched);
        }

        if (anonymous is null)
        {
            // Nothing stored under the browser's id yet (its first page views may still be queued, or their profile
            // update was given up): the id is linked all the same, so what is stored under it now moves to the member's
            // id and what the worker stores under it later is still exported and erased with the member.
            if (!member.MergedVisitorIds.Contains(currentVisitorId))
            {
                var version = member.Version;
                member.MergedVisitorIds.Add(currentVisitorId);
                if (!await _profiles.SaveAsync(member, version, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }

            await _identity.RekeyAsync(currentVisitorId, member.VisitorId, cancellationToken).ConfigureAwait(false);
            return new SignInResult(member.VisitorId, SignInOutcome.Switched);
        }

        var expected = member.Version;
        var merged = _merger.Merge(member, anonymous);
        if (merged && !await _profiles.SaveAsync(member, expected, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await _identity.RekeyAsync(anonymous.VisitorId, member.VisitorId, cancellationToken).ConfigureAwait(false);
        await _profiles.DeleteAsync(anonymous.VisitorId, cancellationToken).ConfigureAwait(false);

        // Already merged (a second request of the same sign-in got here too): this one only completes the steps, and
        // reports no merge, so the merge is announced once.
        return new SignInResult(member.VisitorId, merged ? SignInOutcome.Merged : SignInOutcome.Switched);
    }
}
