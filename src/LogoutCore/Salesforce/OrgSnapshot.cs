using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>The orgs found in one home folder, the paths they were read from, and what sf would have warned about.</summary>
public sealed record OrgSnapshot(SalesforcePaths Paths, IReadOnlyList<OrgAuthorization> Orgs, IReadOnlyList<string> Warnings);
