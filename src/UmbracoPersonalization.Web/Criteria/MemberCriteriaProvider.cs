using Microsoft.Extensions.Options;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Identity;

namespace UmbracoPersonalization.Web.Criteria;

/// <summary>
/// Member criteria from the signed-in principal's claims: <c>memberType</c> (the configured claim) and allow-listed
/// profile fields as <c>member.&lt;claim type&gt;</c>. (<c>authenticated</c> and <c>memberGroups</c>, from role
/// claims, are built in.) A site that keeps these on the member rather than in claims registers its own
/// <see cref="IVisitorAttributeProvider"/> over Umbraco's <c>IMemberManager</c>.
/// </summary>
internal sealed class MemberCriteriaProvider(IOptionsMonitor<PersonalizationSettings> settings) : IVisitorAttributeProvider
{
    private const int MaxValueLength = 512;

    public void Contribute(VisitorAttributeContext context)
    {
        if (SignedInUser.Of(context.HttpContext) is not { } user)
        {
            return;
        }

        var criteria = settings.CurrentValue.Criteria;
        context.Add(CriteriaAttributeNames.MemberType, user.FindFirst(criteria.MemberTypeClaim)?.Value);
        if (criteria.MemberProfileClaims.Length > 0)
        {
            context.AddObject(CriteriaAttributeNames.Member, criteria.MemberProfileClaims
                .Select(type => KeyValuePair.Create(type, user.FindFirst(type)?.Value))
                .Where(kv => kv.Value is { Length: <= MaxValueLength })
                .Select(kv => KeyValuePair.Create(kv.Key, kv.Value!)));
        }
    }
}
