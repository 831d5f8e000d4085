// sinsp_oracle: what libsinsp (Debian libfalcosecurity0) says about a scap file, event by event; the
// reference the .scap reader tests compare with. Our own tool, built by bench/scap/build-oracle.sh.
// usage: sinsp_oracle FILE.scap RULES.tsv matches   -> "num<TAB>dir<TAB>type<TAB>rule" per first match
//                                                      (Falco-style index on the event type, first match wins)
//        sinsp_oracle FILE.scap - fields F1,F2,...  -> "num<TAB>dir<TAB>type<TAB>F1=v1<TAB>F2=v2..." for every event
//                                                      that is not procinfo; <NA> when a field has no value
//        sinsp_oracle FILE.scap - count            -> "events=N" (what insp.next() returns)
#include <sinsp.h>
#include <filter.h>
#include <eventformatter.h>
#include <fstream>
#include <iostream>
int main(int argc, char **argv) {
	if (argc < 4) { std::cerr << "usage: sinsp_oracle FILE.scap RULES.tsv|- matches|fields FORMAT|count\n"; return 2; }
	std::string mode = argv[3];
	sinsp insp;
	try { insp.open(argv[1]); } catch (sinsp_exception &e) { std::cerr << "open: " << e.what() << "\n"; return 1; }
	std::vector<std::pair<std::string, sinsp_filter *>> rules;
	if (mode == "matches") {
		std::ifstream in(argv[2]); std::string line;
		while (std::getline(in, line)) {
			auto tab = line.find('\t'); if (tab == std::string::npos) continue;
			try { sinsp_filter_compiler c(&insp, line.substr(tab + 1)); rules.push_back({line.substr(0, tab), c.compile()}); }
			catch (sinsp_exception &e) { std::cerr << "skip " << line.substr(0, tab) << "\n"; }
		}
	}
	std::vector<std::vector<std::pair<std::string, sinsp_filter *>>> by_type(PPM_EVENT_MAX);
	for (auto &r : rules) for (auto t : r.second->evttypes()) if (t < PPM_EVENT_MAX) by_type[t].push_back(r);
	std::vector<std::pair<std::string, sinsp_evt_formatter *>> fmts;
	if (mode == "fields" && argc > 4) {
		std::string list = argv[4]; size_t p = 0;
		while (p <= list.size()) {
			size_t c = list.find(',', p); if (c == std::string::npos) c = list.size();
			std::string f = list.substr(p, c - p); p = c + 1;
			if (!f.empty()) fmts.push_back({f, new sinsp_evt_formatter(&insp, "%" + f)});
		}
	}
	uint64_t n = 0; sinsp_evt *ev;
	while (true) {
		int32_t rc;
		try { rc = insp.next(&ev); } catch (sinsp_exception &e) { std::cerr << "next: " << e.what() << "\n"; return 1; }
		if (rc == SCAP_TIMEOUT) continue;
		if (rc != SCAP_SUCCESS) break;
		n++;
		if (mode == "matches") {
			for (auto &r : by_type[ev->get_type()]) if (r.second->run(ev)) {
				std::cout << ev->get_num() << "\t" << (PPME_IS_ENTER(ev->get_type()) ? ">" : "<") << "\t" << ev->get_name() << "\t" << r.first << "\n";
				break;
			}
		} else if (!fmts.empty() && ev->get_type() != PPME_PROCINFO_E) {
			std::cout << ev->get_num() << "\t" << (PPME_IS_ENTER(ev->get_type()) ? ">" : "<") << "\t" << ev->get_name();
			for (auto &f : fmts) {
				std::string out; bool ok = f.second->tostring(ev, &out);
				std::cout << "\t" << f.first << "=" << (ok ? out : "<NA>");
			}
			std::cout << "\n";
		}
	}
	if (mode == "count") std::cout << "events=" << n << "\n";
	return 0;
}
