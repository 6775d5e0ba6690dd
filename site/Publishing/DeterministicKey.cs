using System.Security.Cryptography;
using System.Text;

namespace UmbracoPersonalization.Site.Publishing;

/// <summary>Stable keys for file-based content, so a key survives restarts like a database key would.</summary>
internal static class DeterministicKey
{
    /// <summary>A GUID derived from <paramref name="name"/> (not for security, only for stability).</summary>
    public static Guid For(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
