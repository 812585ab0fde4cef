#!/usr/bin/env python3
# Regenerates unsupported.cc: an error-reporting definition for every function declared in include/ODLA/*.h
# that no other source of the reference runtime defines. Run after implementing or declaring functions.
import re,os,glob
import sys
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
inc='include/ODLA/'
decls={}
for f in sorted(glob.glob(inc+'*.h')):
    t=open(f).read()
    t=re.sub(r'/\*.*?\*/','',t,flags=re.S)
    for m in re.finditer(r'extern\s+ODLA_API_EXPORT\s+([\w\s\*]+?)\s*(?:ODLA_API_CALL\s+)?(odla_\w+)\s*\(([^;]*?)\)\s*;',t,re.S):
        ret=' '.join(m.group(1).replace('ODLA_API_CALL','').split()); name=m.group(2); params=' '.join(m.group(3).split())
        decls[name]=(ret,params,os.path.basename(f))
src=''
for f in glob.glob('runtimes/reference/*.cc'):
    if f.endswith('unsupported.cc'): continue
    src+=open(f).read()
defined=set(re.findall(r'\b(odla_\w+)\s*\(',src))
# macro-defined ops
for mac,pfx in [('ODLA_REF_BINARY',''),('ODLA_REF_UNARY',''),('ODLA_REF_UNARY_X',''),('ODLA_REF_COMPARE',''),('ODLA_REF_REDUCE',''),('ODLA_REF_REDUCE_EPSILON','')]:
    for n in re.findall(mac+r'\((\w+),',src): defined.add('odla_'+n)
missing=[n for n in sorted(decls) if n not in defined]
out=['// Declared ODLA functions the reference runtime does not implement. Each one reports the failure through',
'// the log and returns an error: ODLA_UNSUPPORTED_OP as a status, or a null value (the computation records',
'// the error and odla_ExecuteComputation returns it). Generated from the headers by listing what no other',
'// source file defines; keep it in step when implementing one of these.',
'#include "runtime.h"','',
'// Parameters are unused by design here: the functions only report that they are unsupported.',
'#pragma GCC diagnostic ignored "-Wunused-parameter"','',
'namespace {','',
'odla_status Unsupported(const char* function) {',
'  return odla_ref::RecordFailure(odla_ref::Error(ODLA_UNSUPPORTED_OP, std::string(function) + " is not supported by the reference runtime"));',
'}','','}  // namespace','','extern "C" {','']
for n in missing:
    ret,params,f=decls[n]
    if ret=='odla_status': body='return Unsupported("%s");'%n
    elif ret=='odla_value': body='Unsupported("%s");\n  return nullptr;'%n
    elif ret=='odla_values': body='Unsupported("%s");\n  return odla_ref::EmptyValues();'%n
    else: raise Exception(n+' '+ret)
    out.append('%s %s(%s) {\n  %s\n}\n'%(ret,n,params,body))
out.append('}  // extern "C"')
open('runtimes/reference/unsupported.cc','w').write('\n'.join(out)+'\n')
print(len(decls),'declared;',len(missing),'unsupported:',' '.join(missing))
