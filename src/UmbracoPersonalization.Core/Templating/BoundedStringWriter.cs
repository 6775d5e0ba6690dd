using System.Globalization;

namespace UmbracoPersonalization.Core.Templating;

/// <summary>A string writer that throws once more than a set number of characters is written.</summary>
internal sealed class BoundedStringWriter : StringWriter
{
    private readonly int _maxLength;

    public BoundedStringWriter(int maxLength)
        : base(CultureInfo.InvariantCulture) => _maxLength = maxLength;

    public override void Write(char value)
    {
        Ensure(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Ensure(count);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Ensure(buffer.Length);
        base.Write(buffer);
    }

    public override void Write(string? value)
    {
        Ensure(value?.Length ?? 0);
        base.Write(value);
    }

    private void Ensure(int count)
    {
        if (GetStringBuilder().Length + count > _maxLength)
        {
            throw new LiquidOutputLimitException(_maxLength);
        }
    }
}
