using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Criteria;

/// <summary>
/// Umbraco Engage's names over the profile: <c>sessions</c>, <c>journeyStage</c>, <c>persona</c>, <c>campaign</c>,
/// <c>goalsReached</c>.
/// </summary>
internal sealed class ProfileCriteriaProvider : IVisitorAttributeProvider
{
    public void Contribute(VisitorAttributeContext context)
    {
        var profile = context.Profile;
        context.Add(CriteriaAttributeNames.Sessions, Core.Conditions.AttributeValue.From(profile.Visits));
        profile.Preferences.TryGetValue(CriteriaAttributeNames.JourneyStage, out var stage);
        context.Add(CriteriaAttributeNames.JourneyStage, stage ?? VisitorAttributes.StageName(profile.Stage));
        profile.Preferences.TryGetValue(CriteriaAttributeNames.Persona, out var persona);
        context.Add(CriteriaAttributeNames.Persona, persona);
        var utm = !context.Request.Utm.IsEmpty ? context.Request.Utm : profile.LastUtm;
        context.Add(CriteriaAttributeNames.Campaign, utm?.Campaign);
        context.AddArray(CriteriaAttributeNames.GoalsReached, profile.Goals.Keys);
    }
}
