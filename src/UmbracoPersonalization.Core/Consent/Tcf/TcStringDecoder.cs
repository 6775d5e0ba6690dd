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

            var created = reader.ReadDeciseconds();
            var lastUpdated = reader.ReadDeciseconds();
            var cmpId = (int)reader.ReadInt(12);
            var cmpVersion = (int)reader.ReadInt(12);
            var consentScreen = (int)reader.ReadInt(6);
            var consentLanguage = reader.ReadLetters();
            var vendorListVersion = (int)reader.ReadInt(12);
            var policyVersion = (int)reader.ReadInt(6);
            var isServiceSpecific = reader.ReadBool();
            reader.ReadInt(1); // UseNonStandardTexts
            reader.ReadInt(12); // SpecialFeatureOptIns
            var purposesConsent = reader.ReadBitField(24);
            var purposesLegitimateInterest = reader.ReadBitField(24);
            reader.ReadInt(1); // PurposeOneTreatment
            var publisherCountry = reader.ReadLetters();
            tcString = new TcString
            {
                Version = version,
                Created = created,
                LastUpdated = lastUpdated,
                CmpId = cmpId,
                CmpVersion = cmpVersion,
                ConsentScreen = consentScreen,
                ConsentLanguage = consentLanguage,
                VendorListVersion = vendorListVersion,
                TcfPolicyVersion = policyVersion,
                IsServiceSpecific = isServiceSpecific,
                PurposesConsent = purposesConsent,
                PurposesLegitimateInterest = purposesLegitimateInterest,
                PublisherCountryCode = publisherCountry,
            };
            return true;
        }
        catch (FormatException)
        {
            tcString = null;
            return false;
        }
    }
}
