namespace UmbracoPersonalization.Core.Consent.Tcf;

/// <summary>Reads big-endian bit fields from the base64url-decoded bytes of a TC string segment.</summary>
internal sealed class TcfBitReader
{
    private readonly byte[] _bytes;
    private int _position;

    private TcfBitReader(byte[] bytes) => _bytes = bytes;

    /// <summary>Bits left to read.</summary>
    public int Remaining => (_bytes.Length * 8) - _position;

    /// <summary>Decodes unpadded base64url (the TC string alphabet); <c>null</c> when the text is not base64url.</summary>
    public static TcfBitReader? FromBase64Url(string segment)
    {
        if (segment.Length == 0 || segment.Length > MaxSegmentLength)
        {
            return null;
        }

        var length = segment.Length;
        var padded = new char[length + ((4 - (length % 4)) % 4)];
        for (var i = 0; i < length; i++)
        {
            var c = segment[i];
            padded[i] = c switch
            {
                '-' => '+',
                '_' => '/',
                >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' => c,
                _ => '\0',
            };
            if (padded[i] == '\0')
            {
                return null;
            }
        }

        for (var i = length; i < padded.Length; i++)
        {
            padded[i] = '=';
        }

        if (length % 4 == 1)
        {
            return null;
        }

        try
        {
            return new TcfBitReader(Convert.FromBase64CharArray(padded, 0, padded.Length));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The longest segment read (a TC string with a large vendor section stays well under this).</summary>
    public const int MaxSegmentLength = 8192;

    /// <summary>Reads an unsigned integer of up to 62 bits.</summary>
    public long ReadInt(int bits)
    {
        if (bits is < 1 or > 62)
        {
            throw new ArgumentOutOfRangeException(nameof(bits));
        }

        if (bits > Remaining)
        {
            throw new FormatException("The TC string ends before its fields do.");
        }

        long value = 0;
        for (var i = 0; i < bits; i++)
        {
            var bit = (_bytes[_position >> 3] >> (7 - (_position & 7))) & 1;
            value = (value << 1) | (long)bit;
            _position++;
        }

        return value;
    }

    /// <summary>Reads one bit.</summary>
    public bool ReadBool() => ReadInt(1) == 1;

    /// <summary>Reads a bitfield of <paramref name="count"/> bits: set bit <c>i</c> (0-based) means id <c>i + 1</c>.</summary>
    public IReadOnlySet<int> ReadBitField(int count)
    {
        var ids = new SortedSet<int>();
        for (var i = 1; i <= count; i++)
        {
            if (ReadBool())
            {
                ids.Add(i);
            }
        }

        return ids;
    }

    /// <summary>Reads two 6-bit letters (A = 0), e.g. a language or country code.</summary>
    public string ReadLetters()
    {
        var first = ReadInt(6);
        var second = ReadInt(6);
        if (first > 25 || second > 25)
        {
            throw new FormatException("A TC string letter is outside A–Z.");
        }

        return string.Concat((char)('A' + first), (char)('A' + second));
    }

    /// <summary>Reads a 36-bit instant in deciseconds since the Unix epoch.</summary>
    public DateTimeOffset ReadDeciseconds() => DateTimeOffset.UnixEpoch.AddMilliseconds(ReadInt(36) * 100);
}
