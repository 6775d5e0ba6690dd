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

    internal sealed class DefaultPolicySetup(IOptions<PersonalizationSettings> settings) : IConfigureOptions<AuthorizationOptions>
    {
        public void Configure(AuthorizationOptions options)
        {
            if (options.GetPolicy(PolicyName) is not null)
            {
                return; // the site registered its own first
            }

            var value = settings.Value;
            var roles = value.ManagementRoles.Length == 0 ? [DefaultRole] : value.ManagementRoles;
            var builder = new AuthorizationPolicyBuilder(value.ManagementAuthenticationSchemes).RequireAuthenticatedUser().RequireRole(roles);
            options.AddPolicy(PolicyName, builder.Build());
        }
    }
}
