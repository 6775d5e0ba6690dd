using UmbracoPersonalization.Core.Templating;

namespace UmbracoPersonalization.Core.Tests.Templating;

public class LiquidTemplateValidatorTests
{
    private readonly LiquidTemplateValidator _validator = new(new LiquidOptions());

    [Theory]
    [InlineData("Hello {{ visitor.preferences.firstName | default: 'there' }}!")]
    [InlineData("{% if visitor.visits > 1 %}Welcome back{% elsif context.hour < 12 %}Good morning{% else %}Hi{% endif %}")]
    [InlineData("{%- for i in (1..3) -%}{{ i }}{%- endfor -%}")]
    [InlineData("{% case visitor.stage %}{% when 'loyal' %}Thanks{% else %}Hi{% endcase %}")]
    [InlineData("{% assign name = visitor.preferences.firstName | upcase %}{{ name }}")]
    [InlineData("{% comment %}note{% endcomment %}{% raw %}{{ x }}{% endraw %}")]
    [InlineData("{{ 'a|b..c' | upcase }}")]
    [InlineData("Plain text with { braces }")]
    [InlineData("{{ \"50%} off\" | upcase }} and {{ 'a}}b' | downcase }}")]
    public void Validate_AllowedTemplate_IsValid(string template)
    {
        var result = _validator.Validate(template);
        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public void Validate_TooLong_IsRejected()
    {
        var result = _validator.Validate(new string('x', 8 * 1024 + 1));
        Assert.False(result.IsValid);
        Assert.Contains("at most 8192", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NestingAtLimit_IsValid()
    {
        var template = string.Concat(Enumerable.Repeat("{% if true %}", 16)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 16));
        Assert.True(_validator.Validate(template).IsValid);
    }

    [Fact]
    public void Validate_NestingOverLimit_IsRejected()
    {
        var template = string.Concat(Enumerable.Repeat("{% for i in (1..2) %}", 17)) + string.Concat(Enumerable.Repeat("{% endfor %}", 17));
        Assert.Contains("nested more than 16", _validator.Validate(template).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThreeThousandNestedIfs_IsRejectedWithoutCrashing()
    {
        // DotLiquid's parser overflows the stack (killing the process) on this; the pre-scan must stop it first.
        var options = new LiquidOptions { MaxTemplateLength = 100_000 };
        var template = string.Concat(Enumerable.Repeat("{% if true %}", 3000)) + string.Concat(Enumerable.Repeat("{% endif %}", 3000));

        var result = new LiquidTemplateValidator(options).Validate(template);

        Assert.False(result.IsValid);
        Assert.Contains("nested", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% include 'secrets' %}", "The tag 'include' is not allowed.")]
    [InlineData("{% capture s %}x{% endcapture %}", "The tag 'capture' is not allowed.")]
    [InlineData("{% tablerow i in (1..3) %}{% endtablerow %}", "The tag 'tablerow' is not allowed.")]
    [InlineData("{% foo %}", "The tag 'foo' is not allowed.")]
    [InlineData("{{ 'x' | times: 100000000 }}", "The filter 'times' is not allowed.")]
    [InlineData("{% assign s = s | append: s %}", "The filter 'append' is not allowed.")]
    [InlineData("{{ s | replace: 'a', s }}", "The filter 'replace' is not allowed.")]
    [InlineData("{{ (1..100000000) }}", "Ranges ('(1..n)') are only allowed in for loops.")]
    [InlineData("{% assign r = (1..100000000) %}", "Ranges ('(1..n)') are only allowed in for loops.")]
    [InlineData("{% endif %}", "'{% endif %}' has no opening tag.")]
    [InlineData("{% if true ", "A tag '{%' is not closed with '%}'.")]
    [InlineData("{{ visitor", "An output '{{' is not closed with '}}'.")]
    // A closing mark inside a string does not end the tag (nor does it for DotLiquid): what follows is checked too.
    [InlineData("{% for i in (1..40) %}{% assign s = \"%}\" | prepend: s | append: s %}{% endfor %}{{ s | size }}", "The filter 'prepend' is not allowed.")]
    [InlineData("{{ \"}}\" | default: \"{%assign\" }}{% capture x %}y{% endcapture %}", "The tag 'capture' is not allowed.")]
    public void Validate_ForbiddenConstruct_IsRejectedWithReason(string template, string error)
    {
        Assert.Equal(error, _validator.Validate(template).Error);
    }

    [Fact]
    public void Validate_SyntaxError_IsRejectedByParser()
    {
        var result = _validator.Validate("{% if %}x{% endif %}");
        Assert.False(result.IsValid);
        Assert.StartsWith("The template does not parse", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnclosedBlock_IsRejected()
    {
        Assert.False(_validator.Validate("{% if true %}x").IsValid);
    }

    [Fact]
    public void Validate_Null_IsRejected()
    {
        Assert.False(_validator.Validate(null).IsValid);
    }
}
