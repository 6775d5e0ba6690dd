using System.Text;

namespace UmbracoPersonalization.Core.Tests.Consent.Tcf;

/// <summary>Writes a TCF v2 core segment bit by bit, as the specification lays it out, for decoder tests.</summary>
internal sealed class TcStringBuilder
{
    private readonly StringBuilder _bits = new();

    public int Version { get; set; } = 2;

    public DateTimeOffset Created { get; set; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset LastUpdated { get; set; } = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    public int CmpId { get; set; } = 300;

    public int CmpVersion { get; set; } = 7;

    public int TcfPolicyVersion { get; set; } = 4;

    public int[] Purposes { get; set; } = [];

    public int[] LegitimateInterests { get; set; } = [];

    /// <summary>The bits as a '0'/'1' string (for tampering tests).</summary>
    public string Bits()
    {
        _bits.Clear();
        Write(Version, 6);
        Write((long)(Created - DateTimeOffset.UnixEpoch).TotalMilliseconds / 100, 36);
        Write((long)(LastUpdated - DateTimeOffset.UnixEpoch).TotalMilliseconds / 100, 36);
        Write(CmpId, 12);
        Write(CmpVersion, 12);
        Write(1, 6); // consent screen
        Letters("EN");
        Write(150, 12); // vendor list version
        Write(TcfPolicyVersion, 6);
        Write(0, 1); // is service specific
        Write(0, 1); // use non-standard texts
        Write(0, 12); // special feature opt-ins
        BitField(Purposes, 24);
        BitField(LegitimateInterests, 24);
        Write(0, 1); // purpose one treatment
        Letters("NL");
        Write(0, 16); // max vendor id: empty vendor section
        Write(0, 1); // bitfield encoding
        return _bits.ToString();
    }

    public string Build() => Encode(Bits());

    public static string Encode(string bits)
    {
        var padded = bits.PadRight((bits.Length + 7) / 8 * 8, '0');
        var bytes = new byte[padded.Length / 8];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = Convert.ToByte(padded.Substring(i * 8, 8), 2);
        }

        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private void Write(long value, int bits) => _bits.Append(Convert.ToString(value, 2).PadLeft(bits, '0'));

    private void Letters(string two)
    {
        Write(two[0] - 'A', 6);
        Write(two[1] - 'A', 6);
    }

    private void BitField(int[] ids, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            _bits.Append(ids.Contains(i) ? '1' : '0');
        }
    }
}
