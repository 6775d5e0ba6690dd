using AngleSharp.Dom;

namespace UmbracoPersonalization.Site.Tests.Infrastructure;

/// <summary>Submits a page's HTML form the way a browser without JavaScript does.</summary>
public static class Forms
{
    /// <summary>
    /// Posts <paramref name="form"/> to its action from this site (with an <c>Origin</c> header, as browsers send on
    /// POSTs): its hidden and text inputs, its checked checkboxes (after <paramref name="check"/> ticks the boxes with
    /// those values and <paramref name="uncheck"/> clears others), its selects (<paramref name="select"/> chooses an
    /// option by value) and the submit button whose text is <paramref name="button"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client,
        IElement? form,
        string button,
        IReadOnlyCollection<string>? check = null,
        string? select = null)
    {
        Assert.NotNull(form);
        Assert.Equal("post", form.GetAttribute("method"), StringComparer.OrdinalIgnoreCase);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name]:not([disabled])"))
        {
            var name = input.GetAttribute("name")!;
            var value = input.GetAttribute("value") ?? string.Empty;
            var type = input.GetAttribute("type") ?? "text";
            var include = type switch
            {
                "checkbox" or "radio" => check is null ? input.HasAttribute("checked") : check.Contains(value),
                "submit" or "button" or "image" => false,
                _ => true,
            };
            if (include)
            {
                fields.Add(KeyValuePair.Create(name, value));
            }
        }

        foreach (var list in form.QuerySelectorAll("select[name]"))
        {
            var options = list.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? o.TextContent).ToList();
            var chosen = select ?? options.FirstOrDefault();
            Assert.Contains(chosen, options);
            fields.Add(KeyValuePair.Create(list.GetAttribute("name")!, chosen!));
        }

        var submitter = form.QuerySelectorAll("button").SingleOrDefault(b => Html.Normalize(b.TextContent) == button);
        Assert.True(submitter is not null, $"No button '{button}' in the form: {form.OuterHtml}");
        if (submitter.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            fields.Add(KeyValuePair.Create(buttonName, submitter.GetAttribute("value") ?? string.Empty));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action"))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Add("Origin", "http://localhost");
        return await client.SendAsync(request);
    }
}
