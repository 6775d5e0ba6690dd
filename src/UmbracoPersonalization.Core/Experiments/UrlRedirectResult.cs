namespace UmbracoPersonalization.Core.Experiments;

/// <summary>A redirect chosen by a URL-redirect experiment.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Result">The visitor's result in it.</param>
/// <param name="RedirectUrl">The variation's redirect URL.</param>
/// <param name="UrlWithParams">Where to send the visitor (the original query string merged in when persisted).</param>
public sealed record UrlRedirectResult(ExperimentDefinition Experiment, ExperimentResult Result, string RedirectUrl, string UrlWithParams);
