namespace WhatsApp.Seed.Planning;

/// <summary>The language a contact writes in; chosen from the contact's country.</summary>
internal enum Language
{
    English,
    Spanish,
    Russian,
    Greek,
    Arabic,
    Hindi,
    Chinese,
}
