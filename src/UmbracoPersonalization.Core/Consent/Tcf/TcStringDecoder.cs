namespace UmbracoPersonalization.Core.Consent.Tcf;

/// <summary>
/// Decodes the core segment of an IAB TCF v2.x TC string (as a CMP writes it to the <c>euconsent-v2</c> cookie):
/// base64url without padding, big-endian bit fields. Only the fields up to the publisher country code are read;
/// vendor sections and other segments (after a <c>.</c>) are ignored. Pure and allocation-light; never throws.
/// </summary>
public static class TcStringDecoder
{
    /// <summary>The core segment's bit length up to and including the publisher country code.</summary>
    internal const int CoreHeaderBits = 6 + 36 + 36 + 12 + 12 + 6 + 12 + 12 + 6 + 1 + 1 + 12 + 24 + 24 + 1 + 12;

    /// <summary>Decodes <paramref name="value"/>; <c>false</c> for anything that is not a version-2 TC string.</summary>
    /// <param name="value">The cookie value.</param>
    /// <param name="tcString">The decoded core segment.</param>
    public static bool TryDecode(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TcString? tcString)
    {
        tcString = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var core = (dot < 0 ? value : value[..dot]).Trim();
        var reader = TcfBitReader.FromBase64Url(core);
        if (reader is null || reader.Remaining < CoreHeaderBits)
        {
            return false;
        }

        try
        {
            var version = (int)reader.ReadInt(6);
            if (version != 2)
            {
                return false;
            }

            tcString = new TcString
            {
                Version = version,
                Created = reader.ReadDeciseconds(),
                LastUpdated = reader.ReadDeciseconds(),
                CmpId = (int)reader.ReadInt(12),
                CmpVersion = (int)reader.ReadInt(12),
                ConsentScreen = (int)reader.ReadInt(6),
                ConsentLanguage = reader.ReadLetters(),
                VendorListVersion = (int)reader.ReadInt(12),
                TcfPolicyVersion = (int)reader.ReadInt(6),
                IsServiceSpecific = reader.ReadBool(),
                PurposesConsent = SkipThen(reader, 1 + 12, r => r.ReadBitField(24)),
                PurposesLegitimateInterest = reader.ReadBitField(24),
                PublisherCountryCode = SkipThen(reader, 1, r => r.ReadLetters()),
            };
            return true;
        }
        catch (FormatException)
        {
            tcString = null;
            return false;
        }
    }

    // UseNonStandardTexts (1) + SpecialFeatureOptIns (12) precede the purposes; PurposeOneTreatment (1) precedes the country.
    private static T SkipThen<T>(TcfBitReader reader, int bits, Func<TcfBitReader, T> read)
    {
        reader.ReadInt(bits);
        return read(reader);
    }
}
