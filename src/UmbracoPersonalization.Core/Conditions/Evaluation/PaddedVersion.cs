namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// GrowthBook's version padding: drop a leading <c>v</c> and any <c>+build</c>, split on <c>.</c> and <c>-</c>,
/// append <c>~</c> to plain x.y.z (so a release sorts after its pre-releases), left-pad numeric parts to 5 with
/// spaces, join with <c>-</c>. Padded strings then compare ordinally.
/// </summary>
internal static class PaddedVersion
{
    public static int MaxLength(int inputLength) => (7 * inputLength) + 8;

    /// <summary>Pads at parse time; the hot path uses <see cref="Write"/> into a stack buffer instead.</summary>
    public static string Compute(string input)
    {
        var buffer = new char[MaxLength(input.Length)];
        return new string(buffer, 0, Write(input, buffer));
    }

    public static int Write(ReadOnlySpan<char> input, Span<char> destination)
    {
        if (input.IsEmpty)
        {
            input = "0";
        }

        if (input[0] == 'v')
        {
            input = input[1..];
        }

        var plus = input.IndexOf('+');
        if (plus >= 0)
        {
            input = input[..plus];
        }

        var parts = 1;
        foreach (var c in input)
        {
            if (c is '.' or '-')
            {
                parts++;
            }
        }

        var written = 0;
        var remaining = input;
        for (var i = 0; i < parts; i++)
        {
            var separator = remaining.IndexOfAny('.', '-');
            var part = separator < 0 ? remaining : remaining[..separator];
            remaining = separator < 0 ? default : remaining[(separator + 1)..];
            if (i > 0)
            {
                destination[written++] = '-';
            }

            if (!part.IsEmpty && !part.ContainsAnyExceptInRange('0', '9') && part.Length < 5)
            {
                destination.Slice(written, 5 - part.Length).Fill(' ');
                written += 5 - part.Length;
            }

            part.CopyTo(destination[written..]);
            written += part.Length;
        }

        if (parts == 3)
        {
            destination[written++] = '-';
            destination[written++] = '~';
        }

        return written;
    }
}
