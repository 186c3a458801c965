using System.Diagnostics;
using System.Runtime.InteropServices;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Auth0;

/// <summary>Opens a URL as a top-level navigation in the user's browser, where the Auth0 session cookie lives.</summary>
public interface IBrowserLauncher
{
    void Open(Uri uri);
}
