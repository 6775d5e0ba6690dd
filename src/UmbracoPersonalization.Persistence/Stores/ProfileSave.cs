using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary>One profile to save with <see cref="EfProfileStore.SaveManyAsync"/>.</summary>
/// <param name="Profile">The profile; its version is incremented when saved.</param>
/// <param name="ExpectedVersion">The version it was loaded at (0 = not stored yet).</param>
public readonly record struct ProfileSave(VisitorProfile Profile, long ExpectedVersion);
