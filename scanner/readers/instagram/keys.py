"""Field names of Instagram's ``string_map_data`` records, in the languages exports were written in.

Exports from 2021-22 write these keys in the account's language (Italian ``"Account privato"``,
``"Nome utente"``); newer ones mostly in English. Keys are compared after :func:`norm_key` (accents
stripped, case-folded, punctuation and spaces dropped), so ``"Privé-account"`` and ``"Privéaccount"`` agree.
Entries not verified against a real export are Instagram's own UI wording for the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from checks.analysis.normalize import fold

FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "username": (
        "Username",
        "Nome utente",
        "Benutzername",
        "Nom d'utilisateur",
        "Nombre de usuario",
        "Gebruikersnaam",
        "Nome de usuário",
        "Nome de utilizador",
        "Nazwa użytkownika",
        "Kullanıcı adı",
        "Användarnamn",
        "Brugernavn",
        "Brukernavn",
        "Käyttäjänimi",
        "Nume de utilizator",
        "Uživatelské jméno",
    ),
    "name": (
        "Name",
        "Nome",
        "Nom",
        "Nombre",
        "Naam",
        "Imię i nazwisko",
        "Ad",
        "Namn",
        "Navn",
        "Nimi",
        "Nume",
        "Jméno",
        "Full Name",
        "Nome completo",
        "Nom complet",
        "Nombre completo",
        "Volledige naam",
        "Vollständiger Name",
    ),
    "email": (
        "Email",
        "E-mail",
        "Email address",
        "Email Address",
        "Indirizzo e-mail",
        "Indirizzo email",
        "E-Mail",
        "E-Mail-Adresse",
        "Adresse e-mail",
        "Adresse courriel",
        "Correo electrónico",
        "E-mailadres",
        "Endereço de e-mail",
        "Adres e-mail",
        "E-posta",
        "E-posta adresi",
        "E-postadress",
        "E-mailadresse",
        "Sähköposti",
        "Adresă de e-mail",
        "Adresa de e-mail",
    ),
    "phone": (
        "Phone Number",
        "Phone",
        "Numero di telefono",
        "Telefonnummer",
        "Numéro de téléphone",
        "Número de teléfono",
        "Telefoonnummer",
        "Número de telefone",
        "Número de telemóvel",
        "Numer telefonu",
        "Telefon numarası",
        "Puhelinnumero",
        "Număr de telefon",
        "Telefonní číslo",
    ),
    "bio": ("Bio", "Biography", "Biografia", "Biographie", "Biografía", "Biografie", "Biyografi", "Biografi"),
    "website": (
        "Website",
        "Sito web",
        "Site web",
        "Sitio web",
        "Site",
        "Strona internetowa",
        "Web sitesi",
        "Webbplats",
        "Hjemmeside",
        "Nettsted",
        "Verkkosivusto",
        "Webseite",
    ),
    "private": (
        "Private Account",
        "Private account",
        "Account privato",
        "Privates Konto",
        "Privatkonto",
        "Compte privé",
        "Cuenta privada",
        "Privéaccount",
        "Privé-account",
        "Conta privada",
        "Konto prywatne",
        "Gizli hesap",
        "Gizli Hesap",
        "Privat konto",
        "Yksityinen tili",
        "Cont privat",
        "Soukromý účet",
        "Privát fiók",
        "Приватный аккаунт",
        "Закрытый аккаунт",
    ),
    # records of activity files
    "comment": (
        "Comment",
        "Commento",
        "Kommentar",
        "Commentaire",
        "Comentario",
        "Comentário",
        "Opmerking",
        "Reactie",
        "Komentarz",
        "Yorum",
    ),
    "media_owner": (
        "Media Owner",
        "Proprietario del contenuto multimediale",
        "Proprietario del media",
        "Medieninhaber",
        "Inhaber des Mediums",
        "Propriétaire du contenu multimédia",
        "Propriétaire du média",
        "Propietario del contenido multimedia",
        "Media-eigenaar",
        "Proprietário da mídia",
        "Właściciel multimediów",
        "Medya sahibi",
    ),
    "time": (
        "Time",
        "Orario",
        "Ora",
        "Data e ora",
        "Zeit",
        "Uhrzeit",
        "Heure",
        "Date et heure",
        "Hora",
        "Fecha y hora",
        "Tijd",
        "Datum en tijd",
        "Horário",
        "Data e hora",
        "Czas",
        "Zaman",
        "Saat",
        "Date",
    ),
    "search": (
        "Search",
        "Cerca",
        "Ricerca",
        "Suche",
        "Suchen",
        "Recherche",
        "Búsqueda",
        "Buscar",
        "Zoeken",
        "Zoekopdracht",
        "Pesquisa",
        "Wyszukiwanie",
        "Arama",
    ),
    "first_name": ("First Name", "First name", "Nome", "Vorname", "Prénom", "Nombre", "Voornaam", "Imię", "Ad"),
    "last_name": (
        "Last Name",
        "Last name",
        "Surname",
        "Cognome",
        "Nom",
        "Nachname",
        "Nom de famille",
        "Apellidos",
        "Apellido",
        "Achternaam",
        "Sobrenome",
        "Apelido",
        "Nazwisko",
        "Soyadı",
    ),
    "contact": (
        "Contact Information",
        "Contact information",
        "Contact Info",
        "Informazioni di contatto",
        "Kontaktinformationen",
        "Coordonnées",
        "Información de contacto",
        "Contactgegevens",
        "Informações de contato",
        "Dane kontaktowe",
        "İletişim bilgileri",
    ),
    "comments_allowed_from": (
        "Comments Allowed From",
        "Commenti consentiti da",
        "Kommentare erlaubt von",
        "Commentaires autorisés de",
        "Comentarios permitidos de",
        "Opmerkingen toegestaan van",
        "Reacties toegestaan van",
    ),
    "user_agent": ("User Agent", "Agente utente", "User-Agent", "Agent utilisateur", "Agente de usuario"),
    "ip_address": (
        "IP Address",
        "Indirizzo IP",
        "IP-Adresse",
        "Adresse IP",
        "Dirección IP",
        "IP-adres",
        "Endereço IP",
        "Adres IP",
        "IP adresi",
    ),
    "device": (
        "Device ID",
        "Device",
        "ID dispositivo",
        "Geräte-ID",
        "ID de l'appareil",
        "ID del dispositivo",
        "Apparaat-ID",
    ),
    "nickname": ("Nickname", "Nome del dispositivo", "Soprannome", "Spitzname", "Surnom", "Apodo", "Bijnaam"),
    "contact_syncing": (
        "Contact Syncing",
        "Sincronizzazione dei contatti",
        "Kontaktsynchronisierung",
        "Synchronisation des contacts",
        "Sincronización de contactos",
        "Contacten synchroniseren",
    ),
}

# "Private" in the export languages (compared after norm_key).
PRIVATE_WORDS = frozenset(
    {
        "private",
        "privat",
        "privato",
        "privata",
        "prive",
        "privee",
        "privada",
        "privado",
        "prywatne",
        "prywatny",
        "gizli",
    }
)

# Readings of the private-account flag and other yes/no values (compared after norm_key).
TRUE_WORDS = PRIVATE_WORDS | frozenset(
    {
        "true",
        "yes",
        "1",
        "on",
        "enabled",
        "yksityinen",
        "soukromy",
        "si",
        "ja",
        "oui",
        "sim",
        "tak",
        "evet",
        "kylla",
        "ano",
        "da",
        "igen",
        "attivo",
        "attivato",
        "aktiviert",
        "active",
        "activado",
        "actief",
        "ingeschakeld",
    }
)
PUBLIC_WORDS = frozenset(
    {
        "public",
        "publique",
        "publico",
        "publica",
        "pubblico",
        "pubblica",
        "offentlich",
        "oeffentlich",
        "openbaar",
        "publiczne",
        "publiczny",
        "herkeseacik",
        "julkinen",
        "verejny",
    }
)
"""Words for *public* in the languages Instagram exports in (the yes/no reading and privacy-change titles)."""
FALSE_WORDS = PUBLIC_WORDS | frozenset(
    {
        "false",
        "no",
        "0",
        "off",
        "disabled",
        "nein",
        "non",
        "nee",
        "nao",
        "nie",
        "hayir",
        "ei",
        "ne",
        "nu",
        "nem",
        "disattivato",
        "deaktiviert",
        "inactive",
        "desactivado",
        "inactief",
        "uitgeschakeld",
    }
)


def norm_key(text: str) -> str:
    """Fold a key or value for comparison: accents stripped, case-folded, only letters and digits kept."""
    return re.sub(r"[\W_]+", "", fold(text))


_INDEX: dict[str, dict[str, None]] = {}
for _field, _keys in FIELD_KEYS.items():
    for _key in _keys:
        _INDEX.setdefault(norm_key(_key), {})[_field] = None


@lru_cache(maxsize=4096)
def fields_of(key: str) -> tuple[str, ...]:
    """The canonical fields a (possibly localized) key can stand for, e.g. ``"Nome"`` → name, first_name.

    Cached: an export repeats the same few keys in every record, and folding a key is not cheap.
    """
    return tuple(_INDEX.get(norm_key(key), {}))


def map_fields(string_map: Any, fix: Callable[[str], str]) -> dict[str, dict[str, Any]]:
    """Canonical field → its ``{"value", "href", "timestamp"}`` entry of ``string_map`` (the first key that
    stands for the field wins), in one pass over the map. Keys are read through ``fix`` (the mojibake repair
    of JSON exports) before they are matched."""
    found: dict[str, dict[str, Any]] = {}
    if not isinstance(string_map, dict):
        return found
    for key, entry in string_map.items():
        if isinstance(key, str) and isinstance(entry, dict):
            for field in fields_of(key if key.isascii() else fix(key)):
                found.setdefault(field, entry)
    return found


def parse_flag(value: Any) -> bool | None:
    """Read a yes/no or private/public value in any of the known languages; ``None`` when unclear."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    if not isinstance(value, str):
        return None
    folded = norm_key(value)
    if folded in TRUE_WORDS:
        return True
    if folded in FALSE_WORDS:
        return False
    return None


def privacy_word(text: str) -> bool | None:
    """True when a privacy-change title says *private*, False when it says *public*, else ``None``."""
    words = {norm_key(w) for w in re.findall(r"[^\W\d_]+", text)}
    private = words & PRIVATE_WORDS
    public = words & PUBLIC_WORDS
    if private and not public:
        return True
    if public and not private:
        return False
    return None
