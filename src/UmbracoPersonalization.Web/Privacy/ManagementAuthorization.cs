using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Privacy;

/// <summary>
/// The authorization policy guarding the management API (<c>/umbraco/personalization/management/api/…</c>).
/// The package registers a default (an authenticated user in one of <see cref="PersonalizationSettings.ManagementRoles"/>,
/// <c>admin</c> by default); a site replaces it by adding its own policy under <see cref="PolicyName"/>
/// (<c>services.AddAuthorization(o =&gt; o.AddPolicy(ManagementAuthorization.PolicyName, …))</c>, after the package).
/// The resource passed to policy handlers is the <c>VisitorDataSubject</c> (or <c>null</c> for the audit log), so
/// a site can add per-resource rules.
/// </summary>
public static class ManagementAuthorization
{
    /// <summary>The policy name.</summary>
    public const string PolicyName = "UmbracoPersonalization.Management";

    /// <summary>The role the default policy requires when none is configured.</summary>
    public const string DefaultRole = "admin";

    /// <summary>The default policy's role rule; the roles are read from the settings when a request is authorized.</summary>
    internal sealed class RoleRequirement : IAuthorizationRequirement;

    internal sealed class RoleHandler(IOptionsMonitor<PersonalizationSettings> settings) : AuthorizationHandler<RoleRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
        {
            var roles = settings.CurrentValue.ManagementRoles;
            if ((roles.Length == 0 ? [DefaultRole] : roles).Any(context.User.IsInRole))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    internal sealed class DefaultPolicySetup : IConfigureOptions<AuthorizationOptions>
    {
        public void Configure(AuthorizationOptions options)
        {
            if (options.GetPolicy(PolicyName) is null)
            {
                options.AddPolicy(PolicyName, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement()));
            }
        }
    }
}
