// SQLite's own cost of the registry import's inserts, without Swift: 4,000 compounds of 635 homes,
// each with one owner (a random 18-character ID number) and one ownership, in one transaction, with
// the import's pragmas (WAL, synchronous NORMAL, 256 MB cache, foreign keys off). Uses the copy of
// SQLite that sqlite-nio bundles. Build and run (after `swift build`):
//   S=.build/checkouts/sqlite-nio/Sources/VaporCSQLite
//   cc -O2 -I$S/include -DSQLITE_THREADSAFE=1 -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_SECURE_DELETE \
//      -DSQLITE_DQS=0 -DSQLITE_OMIT_DEPRECATED -DSQLITE_OMIT_SHARED_CACHE -DSQLITE_MAX_VARIABLE_NUMBER=250000 \
//      -DSQLITE_OMIT_LOAD_EXTENSION scripts/bench/registry-inserts.c $S/sqlite_nio_sqlite3.c -o /tmp/registry-inserts -lpthread -lm
//   /tmp/registry-inserts ROWS_PER_STATEMENT FILE [TABLES]
// ROWS_PER_STATEMENT 1 steps a single-row INSERT per row (as the import does); K > 1 uses K-row
// INSERTs prepared once. TABLES is a mask: 1 homes, 2 owners, 4 ownerships (default 7).
// Environment: LATE_INDEX=1 builds the owners' ID-number index after the rows; SORTED=1 inserts each
// compound's owners in ID-number order; WITHOUT_ROWID=1 makes ownerships a WITHOUT ROWID table;
// PAGE_SIZE=N, CACHE="PRAGMA cache_size=…", JM="PRAGMA journal_mode=…" and THREADS=1 (PRAGMA threads=2)
// change SQLite's settings.
#include "sqlite_nio_sqlite3.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#define S(x) sqlite_nio_sqlite3_##x
static int cmp(const void*a,const void*b){return strcmp((const char*)a,(const char*)b);}
static sqlite3 *db;
static void ex(const char *q){ char *e=0; if(S(exec)(db,q,0,0,&e)){fprintf(stderr,"%s: %s\n",q,e);exit(1);} }
static sqlite3_stmt *prep(const char *table,const char *cols,int ncol,int k){
  char q[200000]; int n=sprintf(q,"INSERT INTO %s (%s) VALUES ",table,cols);
  for(int r=0;r<k;r++){ n+=sprintf(q+n,r?",(":"("); for(int c=0;c<ncol;c++) n+=sprintf(q+n,c?",?":"?"); n+=sprintf(q+n,")"); }
  sqlite3_stmt *s; if(S(prepare_v2)(db,q,-1,&s,0)){fprintf(stderr,"prep %s\n",S(errmsg)(db));exit(1);} return s; }
static void step(sqlite3_stmt *s){ if(S(step)(s)!=SQLITE_DONE){fprintf(stderr,"step %s\n",S(errmsg)(db));exit(1);} S(reset)(s); }
int main(int argc,char**argv){
  int K=atoi(argv[1]); const char *path=argv[2]; int mask=argc>3?atoi(argv[3]):7; const char *wr=getenv("WITHOUT_ROWID");
  remove(path);
  S(open)(path,&db); { const char *ps=getenv("PAGE_SIZE"); if(ps){ char q[64]; sprintf(q,"PRAGMA page_size=%s",ps); ex(q);} }
  ex(getenv("JM")?getenv("JM"):"PRAGMA journal_mode=WAL"); ex("PRAGMA synchronous=NORMAL"); ex(getenv("CACHE")?getenv("CACHE"):"PRAGMA cache_size=-262144"); ex("PRAGMA foreign_keys=OFF");
  ex("CREATE TABLE homes (id INTEGER PRIMARY KEY, compound_id BIGINT NOT NULL, building_id BIGINT NOT NULL, unit_id BIGINT NOT NULL, number TEXT NOT NULL, area_centi BIGINT NOT NULL, delivered BOOLEAN NOT NULL, UNIQUE (unit_id, number))");
  ex("CREATE INDEX homes_compound ON homes (compound_id, id)");
  const char *late=getenv("LATE_INDEX"); ex(late?"CREATE TABLE owners (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, id_number TEXT NOT NULL, name TEXT NOT NULL, phone TEXT)":"CREATE TABLE owners (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, phone TEXT)");
  ex(wr?"CREATE TABLE ownerships (home_id BIGINT NOT NULL, owner_id BIGINT NOT NULL, compound_id BIGINT NOT NULL, PRIMARY KEY (home_id, owner_id)) WITHOUT ROWID":"CREATE TABLE ownerships (home_id BIGINT NOT NULL, owner_id BIGINT NOT NULL, compound_id BIGINT NOT NULL, PRIMARY KEY (home_id, owner_id))");
  ex("CREATE INDEX ownerships_owner ON ownerships (owner_id)");
  struct timespec t0,t1,t2; clock_gettime(CLOCK_MONOTONIC,&t0);
  ex("BEGIN IMMEDIATE");
  sqlite3_stmt *h1=prep("homes","id,compound_id,building_id,unit_id,number,area_centi,delivered",7,1);
  sqlite3_stmt *o1=prep("owners","id,kind,id_number,name,phone",5,1);
  sqlite3_stmt *w1=prep("ownerships","home_id,owner_id,compound_id",3,1);
  sqlite3_stmt *hk=K>1?prep("homes","id,compound_id,building_id,unit_id,number,area_centi,delivered",7,K):0;
  sqlite3_stmt *ok=K>1?prep("owners","id,kind,id_number,name,phone",5,K):0;
  sqlite3_stmt *wk=K>1?prep("ownerships","home_id,owner_id,compound_id",3,K):0;
  long home=1, unit=1; unsigned long long rnd=88172645463325252ULL;
  for(int c=1;c<=4000;c++){
    int n=635; long first=home;
    // homes
    for(int i=0;(mask&1)&&i<n;){
      int k=(K>1 && n-i>=K)?K:1; sqlite3_stmt *s=k>1?hk:h1;
      for(int r=0;r<k;r++,i++){ long id=first+i; int b=r*7; char num[16]; int nl=sprintf(num,"%d%02d",i%20+1,i/20%30+1);
        S(bind_int64)(s,b+1,id); S(bind_int64)(s,b+2,c); S(bind_int64)(s,b+3,c*16+i/40); S(bind_int64)(s,b+4,unit+i/20);
        S(bind_text64)(s,b+5,num,nl,SQLITE_TRANSIENT,SQLITE_UTF8); S(bind_int64)(s,b+6,8000+i); S(bind_int64)(s,b+7,1); }
      step(s);
    }
    // owners: random 18-char id numbers
    static char ids[700][19]; for(int i=0;i<n;i++){ rnd^=rnd<<13;rnd^=rnd>>7;rnd^=rnd<<17; sprintf(ids[i],"37%016llu",rnd%10000000000000000ULL);} if(getenv("SORTED")) qsort(ids,n,19,cmp);
    for(int i=0;(mask&2)&&i<n;){
      int k=(K>1 && n-i>=K)?K:1; sqlite3_stmt *s=k>1?ok:o1;
      for(int r=0;r<k;r++,i++){ long id=first+i; int b=r*5; char *idn=ids[i];
        S(bind_int64)(s,b+1,id); S(bind_text64)(s,b+2,"person",6,SQLITE_TRANSIENT,SQLITE_UTF8);
        S(bind_text64)(s,b+3,idn,18,SQLITE_TRANSIENT,SQLITE_UTF8); S(bind_text64)(s,b+4,"张伟明",9,SQLITE_TRANSIENT,SQLITE_UTF8);
        S(bind_text64)(s,b+5,"13912345678",11,SQLITE_TRANSIENT,SQLITE_UTF8); }
      step(s);
    }
    for(int i=0;(mask&4)&&i<n;){
      int k=(K>1 && n-i>=K)?K:1; sqlite3_stmt *s=k>1?wk:w1;
      for(int r=0;r<k;r++,i++){ int b=r*3; S(bind_int64)(s,b+1,first+i); S(bind_int64)(s,b+2,first+i); S(bind_int64)(s,b+3,c); }
      step(s);
    }
    home+=n; unit+=n/20+1;
  }
  struct timespec ta; clock_gettime(CLOCK_MONOTONIC,&ta);
  if(getenv("THREADS")) ex("PRAGMA threads=2");
  if(late) ex("CREATE UNIQUE INDEX owners_id_number ON owners (id_number)");
  clock_gettime(CLOCK_MONOTONIC,&t1);
  printf("index build %.2fs\n",(t1.tv_sec-ta.tv_sec)+(t1.tv_nsec-ta.tv_nsec)/1e9);
  S(finalize)(h1);S(finalize)(o1);S(finalize)(w1); if(hk){S(finalize)(hk);S(finalize)(ok);S(finalize)(wk);}
  ex("COMMIT");
  clock_gettime(CLOCK_MONOTONIC,&t2);
  S(close)(db);
  struct timespec t3; clock_gettime(CLOCK_MONOTONIC,&t3);
  printf("K=%d inserts %.2fs commit %.2fs close %.2fs\n",K,(t1.tv_sec-t0.tv_sec)+(t1.tv_nsec-t0.tv_nsec)/1e9,(t2.tv_sec-t1.tv_sec)+(t2.tv_nsec-t1.tv_nsec)/1e9,(t3.tv_sec-t2.tv_sec)+(t3.tv_nsec-t2.tv_nsec)/1e9);
}
