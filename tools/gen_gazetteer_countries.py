#!/usr/bin/env python3
"""Generates extract/data/gazetteer_countries.tsv: every ISO 3166-1 country
and territory (names from Debian's iso-codes package) plus the short names,
adjectives/demonyms and capitals (seats of government) news English uses.

Usage: tools/gen_gazetteer_countries.py [ISO_JSON] > extract/data/gazetteer_countries.tsv
"""
import json
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# alpha-3 | further names ; ... | adjectives and demonyms ; ... | capitals ; ...
EXTRA = """
AFG||Afghan;Afghans;Afghani|Kabul
AGO||Angolan;Angolans|Luanda
ALB||Albanian;Albanians|Tirana
ARE|UAE;U.A.E.;Emirates;the Emirates|Emirati;Emiratis|Abu Dhabi
ARG||Argentine;Argentinian;Argentines;Argentinians|Buenos Aires
ARM||Armenian;Armenians|Yerevan
AUS||Australian;Australians|Canberra
AUT||Austrian;Austrians|Vienna
AZE||Azerbaijani;Azerbaijanis;Azeri;Azeris|Baku
BDI||Burundian;Burundians|Bujumbura;Gitega
BEL||Belgian;Belgians|Brussels
BEN||Beninese|Porto-Novo;Cotonou
BFA||Burkinabe|Ouagadougou
BGD||Bangladeshi;Bangladeshis|Dhaka
BGR||Bulgarian;Bulgarians|Sofia
BHR||Bahraini;Bahrainis|Manama
BHS|the Bahamas|Bahamian;Bahamians|Nassau
BIH|Bosnia;Bosnia-Herzegovina;Herzegovina|Bosnian;Bosnians|Sarajevo
BLR|Byelorussia|Belarusian;Belarusians;Byelorussian|Minsk
BLZ||Belizean|Belmopan
BOL||Bolivian;Bolivians|La Paz;Sucre
BRA||Brazilian;Brazilians|Brasilia;Brasília
BRB||Barbadian|Bridgetown
BRN|Brunei|Bruneian|Bandar Seri Begawan
BTN||Bhutanese|Thimphu
BWA||Botswanan;Motswana|Gaborone
CAF|CAR|Central African|Bangui
CAN||Canadian;Canadians|Ottawa
CHE||Swiss|Bern;Berne
CHL||Chilean;Chileans|Santiago
CHN|PRC;P.R.C.;Mainland China|Chinese|Beijing;Peking
CIV|Ivory Coast;Cote d'Ivoire|Ivorian;Ivorians|Abidjan;Yamoussoukro
CMR||Cameroonian;Cameroonians|Yaounde;Yaoundé
COD|DRC;DR Congo;D.R. Congo;Democratic Republic of Congo;Democratic Republic of the Congo;Congo-Kinshasa;Zaire|Congolese;Zairean|Kinshasa
COG|Congo-Brazzaville;Republic of Congo||Brazzaville
COL||Colombian;Colombians|Bogota;Bogotá
COM||Comoran;Comorian|Moroni
CPV|Cape Verde|Cape Verdean|Praia
CRI||Costa Rican;Costa Ricans|San Jose
CUB||Cuban;Cubans|Havana
CYP||Cypriot;Cypriots;Greek-Cypriot;Greek Cypriot;Greek Cypriots|Nicosia
CZE|Czech Republic|Czech;Czechs|Prague
DEU|West Germany;East Germany|German;Germans;West German;East German|Berlin;Bonn
DJI||Djiboutian|
DNK||Danish;Dane;Danes|Copenhagen
DOM||Dominican;Dominicans|Santo Domingo
DZA||Algerian;Algerians|Algiers
ECU||Ecuadorian;Ecuadorean;Ecuadorians|Quito
EGY||Egyptian;Egyptians|Cairo
ERI||Eritrean;Eritreans|Asmara
ESP||Spanish;Spaniard;Spaniards|Madrid
EST||Estonian;Estonians|Tallinn
ETH|Ethopia|Ethiopian;Ethiopians|Addis Ababa
FIN||Finnish;Finn;Finns|Helsinki
FJI||Fijian;Fijians|Suva
FRA||French;Frenchman;Frenchmen|Paris
GAB||Gabonese|Libreville
GBR|Britain;Great Britain;UK;U.K.;United Kingdom;England;Scotland;Wales;Northern Ireland|British;Briton;Britons;English;Scottish;Welsh;Brits|London;Downing Street;Whitehall
GEO||Georgian;Georgians|Tbilisi
GHA||Ghanaian;Ghanaians;Ghanian;Ghanians|Accra
GIN|Guinea-Conakry|Guinean;Guineans|Conakry
GMB|the Gambia|Gambian;Gambians|Banjul
GNB||Bissau-Guinean|Bissau
GNQ||Equatorial Guinean|Malabo
GRC||Greek;Greeks|Athens
GTM||Guatemalan;Guatemalans|Guatemala City
GUY||Guyanese|Georgetown
HKG||Hong Konger;Hong Kongers|
HND||Honduran;Hondurans|Tegucigalpa
HRV||Croatian;Croatians;Croat;Croats|Zagreb
HTI||Haitian;Haitians|Port-au-Prince
HUN||Hungarian;Hungarians|Budapest
IDN||Indonesian;Indonesians|Jakarta
IND||Indian;Indians|New Delhi;Delhi
IRL|Irish Republic|Irish|Dublin
IRN|Persia|Iranian;Iranians;Persian|Tehran;Teheran
IRQ||Iraqi;Iraqis|Baghdad
ISL||Icelandic;Icelander;Icelanders|Reykjavik
ISR||Israeli;Israelis|Jerusalem;Tel Aviv
ITA||Italian;Italians|Rome
JAM||Jamaican;Jamaicans|Kingston
JOR||Jordanian;Jordanians|Amman
JPN||Japanese|Tokyo
KAZ||Kazakh;Kazakhs;Kazakhstani|Astana;Nur-Sultan;Almaty
KEN||Kenyan;Kenyans|Nairobi
KGZ|Kirghizia|Kyrgyz;Kirghiz|Bishkek
KHM|Kampuchea|Cambodian;Cambodians;Kampuchean;Khmer|Phnom Penh
KOR|South Korea;ROK;Republic of Korea;Korea|South Korean;South Koreans;Korean;Koreans|Seoul
KWT||Kuwaiti;Kuwaitis|Kuwait City
LAO||Laotian;Lao;Laotians|Vientiane
LBN||Lebanese|Beirut
LBR||Liberian;Liberians|Monrovia
LBY||Libyan;Libyans|Tripoli
LKA|Ceylon|Sri Lankan;Sri Lankans|Colombo
LSO||Basotho|Maseru
LTU||Lithuanian;Lithuanians|Vilnius
LUX||Luxembourgish;Luxembourger|
LVA||Latvian;Latvians|Riga
MAR||Moroccan;Moroccans|Rabat
MDA||Moldovan;Moldovans|Chisinau
MDG||Malagasy|Antananarivo
MDV||Maldivian|Male
MEX||Mexican;Mexicans|Mexico City
MKD|Macedonia;FYROM|Macedonian;Macedonians|Skopje
MLI||Malian;Malians|Bamako
MLT||Maltese|Valletta
MMR|Burma|Burmese;Myanmarese|Yangon;Rangoon;Naypyidaw
MNE||Montenegrin;Montenegrins|Podgorica
MNG||Mongolian;Mongolians|Ulaanbaatar;Ulan Bator
MOZ||Mozambican;Mozambicans|Maputo
MRT||Mauritanian;Mauritanians|Nouakchott
MUS||Mauritian|Port Louis
MWI||Malawian;Malawians|Lilongwe
MYS||Malaysian;Malaysians|Kuala Lumpur
NAM||Namibian;Namibians|Windhoek
NER||Nigerien;Nigeriens|Niamey
NGA||Nigerian;Nigerians|Abuja;Lagos
NIC||Nicaraguan;Nicaraguans|Managua
NLD|Holland;the Netherlands|Dutch;Dutchman|Amsterdam;The Hague
NOR||Norwegian;Norwegians|Oslo
NPL||Nepali;Nepalese|Kathmandu;Khatmandu
NZL||New Zealander;New Zealanders;Kiwi|Wellington
OMN||Omani;Omanis|Muscat
PAK||Pakistani;Pakistanis|Islamabad
PAN||Panamanian;Panamanians|Panama City
PER||Peruvian;Peruvians|Lima
PHL|Phillippines;Philipines|Filipino;Filipinos;Philippine|Manila
PNG||Papua New Guinean|Port Moresby
POL||Polish;Pole;Poles|Warsaw
PRK|North Korea;DPRK;D.P.R.K.|North Korean;North Koreans|Pyongyang
PRT||Portuguese|Lisbon
PRY||Paraguayan;Paraguayans|Asuncion;Asunción
PSE|Palestine;Palestinian territories;West Bank;Gaza;Gaza Strip;East Jerusalem;Palestinian Authority|Palestinian;Palestinians|Ramallah
QAT|Quatar|Qatari;Qataris|Doha
ROU|Rumania|Romanian;Romanians|Bucharest
RUS|Russia;USSR;U.S.S.R.;Soviet Union|Russian;Russians;Soviet;Soviets|Moscow;Kremlin;the Kremlin
RWA||Rwandan;Rwandans;Rwandese|Kigali
SAU||Saudi;Saudis|Riyadh
SDN|the Sudan|Sudanese|Khartoum
SEN||Senegalese|Dakar
SGP||Singaporean;Singaporeans|
SLE||Sierra Leonean;Sierra Leoneans|Freetown
SLV||Salvadoran;Salvadorans;Salvadorean|San Salvador
SOM||Somali;Somalis;Somalian|Mogadishu
SRB|Yugoslavia|Serbian;Serbians;Serb;Serbs;Yugoslav|Belgrade
SSD||South Sudanese|Juba
SVK||Slovak;Slovakian;Slovaks|Bratislava
SVN||Slovenian;Slovene;Slovenes|Ljubljana
SWE||Swedish;Swede;Swedes|Stockholm
SWZ|Swaziland|Swazi|Mbabane
SYR|Syria|Syrian;Syrians|Damascus
TCD||Chadian;Chadians|N'Djamena
TGO||Togolese|Lome;Lomé
THA|Siam|Thai;Thais|Bangkok
TJK||Tajik;Tajiks|Dushanbe
TKM||Turkmen|Ashgabat
TLS|East Timor;Timor|East Timorese;Timorese|Dili
TTO|Trinidad|Trinidadian|Port of Spain
TUN||Tunisian;Tunisians|Tunis
TUR|Turkey|Turkish;Turk;Turks|Ankara
TWN|Republic of China;Formosa|Taiwanese|Taipei
TZA||Tanzanian;Tanzanians|Dodoma;Dar es Salaam
UGA||Ugandan;Ugandans|Kampala
UKR|the Ukraine|Ukrainian;Ukrainians|Kiev;Kyiv
URY||Uruguayan;Uruguayans|Montevideo
USA|US;U.S.;USA;U.S.A.;America;United States of America|American;Americans|Washington;White House;the White House
UZB||Uzbek;Uzbeks|Tashkent
VAT|Vatican;Vatican City;Holy See|Vatican|
VEN||Venezuelan;Venezuelans|Caracas
VNM|Vietnam|Vietnamese|Hanoi
YEM||Yemeni;Yemenis|Sanaa;Sana'a
ZAF||South African;South Africans|Pretoria;Cape Town
ZMB||Zambian;Zambians|Lusaka
ZWE|Rhodesia|Zimbabwean;Zimbabweans|Harare
"""

def main():
    path = sys.argv[1] if len(sys.argv) > 1 else ISO_JSON
    with open(path, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    extra = {}
    for line in EXTRA.strip().splitlines():
        code, names, adjs, caps = line.split("|")
        split = lambda s: [x for x in s.split(";") if x]
        extra[code] = (split(names), split(adjs), split(caps))
    out = ["# Generated by tools/gen_gazetteer_countries.py from Debian iso-codes",
           "# (ISO 3166-1) and the script's own table of short names, adjectives",
           "# and capitals. Do not edit: edit the script and regenerate.",
           "# phrase\tclass\tcode\tname"]
    seen = set()

    def emit(phrase, cls, code, name):
        key = (phrase.lower(), cls)
        if key in seen or not phrase:
            return
        seen.add(key)
        out.append(f"{phrase}\t{cls}\t{code}\t{name}")

    for c in iso:
        code = c["alpha_3"]
        names, adjs, caps = extra.get(code, ([], [], []))
        canon = c.get("common_name") or c["name"]
        if "," in canon:
            canon = canon.split(",")[0]
        if names and code in ("KOR", "PRK", "RUS", "SYR", "VNM", "TUR", "COD",
                              "GBR", "CIV", "TLS", "MKD", "MMR", "PSE",
                              "BIH", "CZE"):
            canon = {"TUR": "Turkey", "GBR": "United Kingdom",
                     "CIV": "Ivory Coast", "TLS": "East Timor",
                     "MKD": "North Macedonia", "MMR": "Myanmar",
                     "PSE": "Palestine", "BIH": "Bosnia and Herzegovina",
                     "CZE": "Czech Republic",
                     "COD": "Democratic Republic of the Congo"}.get(code,
                                                                  names[0])
        for n in [c["name"], c.get("official_name", ""),
                  c.get("common_name", "")] + names:
            if not n or "," in n:
                continue
            if n.startswith("the "):
                n = n[4:]
            emit(n, "country", code, canon)
        for a in adjs:
            emit(a, "adj", code, canon)
        for cap in caps:
            if cap.startswith("the "):
                cap = cap[4:]
            emit(cap, "capital", code, canon)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
